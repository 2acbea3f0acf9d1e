using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    public class CognitoClientTests
    {
        /// <summary>Answers each request from a script and keeps what was sent.</summary>
        private sealed class ScriptedHandler : HttpMessageHandler
        {
            private readonly Func<int, HttpRequestMessage, Task<HttpResponseMessage>> _answer;

            public ScriptedHandler(Func<int, HttpRequestMessage, Task<HttpResponseMessage>> answer) => _answer = answer;

            public List<(HttpRequestMessage Request, string Body)> Sent { get; } = new List<(HttpRequestMessage, string)>();

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Sent.Add((request, await request.Content!.ReadAsStringAsync(cancellationToken)));
                return await _answer(Sent.Count, request).WaitAsync(cancellationToken);
            }
        }

        private static HttpResponseMessage Reply(HttpStatusCode status, string body, string? requestId = null)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };
            if (requestId != null)
            {
                response.Headers.Add("x-amzn-RequestId", requestId);
            }

            return response;
        }

        private static HttpResponseMessage Error(HttpStatusCode status, string type, string message = "m") =>
            Reply(status, JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = message }), "req-err");

        private static CognitoClient Client(ScriptedHandler handler, AWSCredentials? credentials = null) =>
            new CognitoClient(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), "eu-west-1",
                new CognitoCredentials(credentials ?? new BasicAWSCredentials("AKIDTEST", "secret")), new HttpMessageInvoker(handler))
            {
                Retry = new CognitoRetryPolicy { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
            };

        private static Task SetPassword(CognitoClient client, string password = "N3w-Passw0rd!", CancellationToken cancellationToken = default) =>
            client.AdminSetUserPasswordAsync("eu-west-1_Ab12", "alice", Secrets.Secure(password), true, cancellationToken);

        [Fact]
        public async Task SendsAJson11PostSignedForCognitoIdp()
        {
            var handler = new ScriptedHandler((_, _) => Task.FromResult(Reply(HttpStatusCode.OK, "{}")));

            await SetPassword(Client(handler));

            var (request, body) = Assert.Single(handler.Sent);
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("https://cognito-idp.eu-west-1.amazonaws.com/", request.RequestUri!.ToString());
            Assert.Equal("application/x-amz-json-1.1", request.Content!.Headers.ContentType!.ToString());
            Assert.Equal("AWSCognitoIdentityProviderService.AdminSetUserPassword", Assert.Single(request.Headers.GetValues("X-Amz-Target")));
            var authorization = Assert.Single(request.Headers.GetValues("Authorization"));
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/", authorization);
            Assert.Contains("/eu-west-1/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=", authorization);
            Assert.False(request.Headers.Contains("X-Amz-Security-Token"));
            Assert.Equal("{\"UserPoolId\":\"eu-west-1_Ab12\",\"Username\":\"alice\",\"Password\":\"N3w-Passw0rd!\",\"Permanent\":true}", body);
        }

        [Fact]
        public async Task SessionCredentialsSendAndSignTheSecurityToken()
        {
            var handler = new ScriptedHandler((_, _) => Task.FromResult(Reply(HttpStatusCode.OK, "{}")));

            await SetPassword(Client(handler, new SessionAWSCredentials("ASIATEST", "secret", "the-token")));

            var (request, _) = Assert.Single(handler.Sent);
            Assert.Equal("the-token", Assert.Single(request.Headers.GetValues("X-Amz-Security-Token")));
            Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,", Assert.Single(request.Headers.GetValues("Authorization")));
        }

        [Theory]
        [InlineData(HttpStatusCode.BadRequest, "TooManyRequestsException")]
        [InlineData(HttpStatusCode.BadRequest, "ThrottlingException")]
        [InlineData(HttpStatusCode.InternalServerError, "InternalErrorException")]
        [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException")]
        public async Task TransientErrorsAreRetriedUntilSuccess(HttpStatusCode status, string type)
        {
            var handler = new ScriptedHandler((n, _) => Task.FromResult(n < 3 ? Error(status, type) : Reply(HttpStatusCode.OK, "{}")));
            var client = Client(handler);
            var messages = new List<string>();
            client.Message += m => messages.Add(m.Text);

            await SetPassword(client);

            Assert.Equal(3, handler.Sent.Count);
            Assert.Contains(messages, m => m.Contains("attempt 2 failed (" + type + ")") && m.Contains("user 'alice'"));
        }

        [Fact]
        public async Task RetriesStopAfterMaxRetriesAndTheLastErrorSurfaces()
        {
            var handler = new ScriptedHandler((_, _) => Task.FromResult(Error(HttpStatusCode.BadRequest, "TooManyRequestsException", "Too many requests")));

            var error = await Assert.ThrowsAsync<TooManyRequestsException>(() => SetPassword(Client(handler)));

            Assert.Equal(4, handler.Sent.Count); // 1 + MaxRetries
            Assert.Equal("req-err", error.RequestId);
        }

        [Theory]
        [InlineData("UserNotFoundException")]
        [InlineData("InvalidPasswordException")]
        [InlineData("ResourceNotFoundException")]
        [InlineData("NotAuthorizedException")]
        public async Task ClientErrorsAreNeverRetried(string type)
        {
            var handler = new ScriptedHandler((_, _) => Task.FromResult(Error(HttpStatusCode.BadRequest, type)));

            var error = await Assert.ThrowsAnyAsync<CognitoServiceException>(() => SetPassword(Client(handler)));

            Assert.Equal(type, error.ErrorCode);
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task NetworkFailuresAreRetriedThenReportedAsConnectionErrors()
        {
            var handler = new ScriptedHandler((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")));

            var error = await Assert.ThrowsAsync<CognitoConnectionException>(() => SetPassword(Client(handler)));

            Assert.Equal(4, handler.Sent.Count);
            Assert.IsType<HttpRequestException>(error.InnerException);
        }

        [Fact]
        public async Task ACallThatOutlivesItsTimeoutBecomesATimeoutError()
        {
            var handler = new ScriptedHandler(async (_, _) => { await Task.Delay(Timeout.Infinite); return Reply(HttpStatusCode.OK, "{}"); });
            var client = Client(handler);
            client.CallTimeout = TimeSpan.FromMilliseconds(50);
            client.Retry = CognitoRetryPolicy.None;

            var error = await Assert.ThrowsAsync<CognitoTimeoutException>(() => SetPassword(client));

            Assert.Contains("within 0.1 s", error.Message);
        }

        [Fact]
        public async Task CancellationStopsInFlightCallsWithoutRetrying()
        {
            var handler = new ScriptedHandler(async (_, _) => { await Task.Delay(Timeout.Infinite); return Reply(HttpStatusCode.OK, "{}"); });
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SetPassword(Client(handler), cancellationToken: cancellation.Token));

            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task AServiceMessageThatEchoesThePasswordIsWithheld()
        {
            var handler = new ScriptedHandler((_, request) => Task.FromResult(Error(HttpStatusCode.BadRequest, "InvalidParameterException",
                "1 validation error detected: Value 'S3cret-Marker!' at 'password' failed to satisfy constraint")));

            var error = await Assert.ThrowsAsync<InvalidParameterException>(() => SetPassword(Client(handler), "S3cret-Marker!"));

            Assert.DoesNotContain("S3cret-Marker!", error.ToString());
            Assert.Contains("withheld", error.Message);
            Assert.Equal("req-err", error.RequestId);
        }

        [Fact]
        public async Task ListUsersSendsLimitFilterAndTokenAndReadsThePage()
        {
            var handler = new ScriptedHandler((_, _) => Task.FromResult(Reply(HttpStatusCode.OK,
                "{\"Users\":[{\"Username\":\"a\",\"Attributes\":[]},{\"Username\":\"b\",\"Attributes\":[]}],\"PaginationToken\":\"next-page\"}")));

            var page = await Client(handler).ListUsersAsync("eu-west-1_Ab12", "email = \"a\\\"b\"", 25, "this-page", CancellationToken.None);

            Assert.Equal(new[] { "a", "b" }, page.Items.Select(u => u.Username));
            Assert.Equal("next-page", page.NextToken);
            var (request, body) = Assert.Single(handler.Sent);
            Assert.Equal("AWSCognitoIdentityProviderService.ListUsers", Assert.Single(request.Headers.GetValues("X-Amz-Target")));
            using var sent = JsonDocument.Parse(body);
            Assert.Equal("email = \"a\\\"b\"", sent.RootElement.GetProperty("Filter").GetString());
            Assert.Equal(25, sent.RootElement.GetProperty("Limit").GetInt32());
            Assert.Equal("this-page", sent.RootElement.GetProperty("PaginationToken").GetString());
        }

        [Theory]
        [InlineData("{\"Users\":[]}")]
        [InlineData("{\"Users\":[],\"PaginationToken\":\"\"}")]
        [InlineData("{}")]
        public async Task AMissingOrEmptyTokenEndsTheList(string reply)
        {
            var handler = new ScriptedHandler((_, _) => Task.FromResult(Reply(HttpStatusCode.OK, reply)));

            var page = await Client(handler).ListUsersAsync("eu-west-1_Ab12", null, 60, null, CancellationToken.None);

            Assert.Empty(page.Items);
            Assert.Null(page.NextToken);
            using var sent = JsonDocument.Parse(handler.Sent[0].Body);
            Assert.False(sent.RootElement.TryGetProperty("Filter", out _));
            Assert.False(sent.RootElement.TryGetProperty("PaginationToken", out _));
        }

        [Theory]
        [InlineData("not json")]
        [InlineData("[1]")]
        public async Task ASuccessfulReplyThatIsNotAJsonObjectIsAClearError(string reply)
        {
            var handler = new ScriptedHandler((_, _) => Task.FromResult(Reply(HttpStatusCode.OK, reply)));

            var error = await Assert.ThrowsAsync<CognitoServiceException>(() => Client(handler).AdminGetUserAsync("eu-west-1_Ab12", "a", CancellationToken.None));

            Assert.Equal("MalformedReply", error.ErrorCode);
            Assert.Contains("AdminGetUser answered HTTP 200", error.Message);
        }

        [Theory]
        [InlineData("1e300")]
        [InlineData("-5")]
        [InlineData("\"not a date\"")]
        public async Task ADateOutOfRangeIsNullNotAnException(string date)
        {
            var handler = new ScriptedHandler((_, _) => Task.FromResult(Reply(HttpStatusCode.OK, $"{{\"Username\":\"a\",\"UserCreateDate\":{date}}}")));

            var user = await Client(handler).AdminGetUserAsync("eu-west-1_Ab12", "a", CancellationToken.None);

            Assert.Null(user.Created);
        }

        [Fact]
        public async Task DescribeUserPoolReadsTheSummary()
        {
            var handler = new ScriptedHandler((_, _) => Task.FromResult(Reply(HttpStatusCode.OK,
                "{\"UserPool\":{\"Id\":\"eu-west-1_Ab12\",\"Name\":\"staff\",\"EstimatedNumberOfUsers\":3}}")));

            var pool = await Client(handler).DescribeUserPoolAsync("eu-west-1_Ab12", CancellationToken.None);

            Assert.Equal(("staff", 3), (pool.Name, pool.EstimatedNumberOfUsers));
            Assert.Equal("{\"UserPoolId\":\"eu-west-1_Ab12\"}", handler.Sent[0].Body);
        }
    }
}

namespace CognitoPs.Tests
{
    /// <summary>What the lifecycle operations send, empty replies, and which failures may be retried for which operation.</summary>
    public class CognitoClientOperationTests
    {
        private sealed class Handler : HttpMessageHandler
        {
            private readonly Func<int, Task<HttpResponseMessage>> _answer;

            public Handler(Func<int, Task<HttpResponseMessage>> answer) => _answer = answer;

            public List<(string Target, string Body)> Sent { get; } = new List<(string, string)>();

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Sent.Add((request.Headers.GetValues("X-Amz-Target").Single().Split('.')[1], await request.Content!.ReadAsStringAsync(cancellationToken)));
                return await _answer(Sent.Count).WaitAsync(cancellationToken);
            }
        }

        private static HttpResponseMessage Reply(HttpStatusCode status, string body) =>
            new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };

        private static Task<HttpResponseMessage> Ok(string body = "") => Task.FromResult(Reply(HttpStatusCode.OK, body));

        private static CognitoClient Client(Handler handler) =>
            new CognitoClient(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), "eu-west-1", new CognitoCredentials(new BasicAWSCredentials("AKIDTEST", "secret")), new HttpMessageInvoker(handler))
            {
                Retry = new CognitoRetryPolicy { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
                CallTimeout = TimeSpan.FromMilliseconds(200),
            };

        private const string Pool = "eu-west-1_Ab12";

        public static TheoryData<string, Func<CognitoClient, Task>> VoidOperations => new TheoryData<string, Func<CognitoClient, Task>>
        {
            { "AdminDeleteUser", c => c.AdminDeleteUserAsync(Pool, "bob", default) },
            { "AdminEnableUser", c => c.AdminEnableUserAsync(Pool, "bob", default) },
            { "AdminDisableUser", c => c.AdminDisableUserAsync(Pool, "bob", default) },
            { "AdminResetUserPassword", c => c.AdminResetUserPasswordAsync(Pool, "bob", default) },
            { "AdminConfirmSignUp", c => c.AdminConfirmSignUpAsync(Pool, "bob", default) },
            { "AdminUserGlobalSignOut", c => c.AdminUserGlobalSignOutAsync(Pool, "bob", default) },
            { "AdminSetUserPassword", c => c.AdminSetUserPasswordAsync(Pool, "bob", Secrets.Secure("N3w-Passw0rd!"), false, default) },
            { "AdminUpdateUserAttributes", c => c.AdminUpdateUserAttributesAsync(Pool, "bob", new[] { new KeyValuePair<string, string>("locale", "de") }, default) },
            { "AdminDeleteUserAttributes", c => c.AdminDeleteUserAttributesAsync(Pool, "bob", new[] { "locale" }, default) },
        };

        [Theory]
        [MemberData(nameof(VoidOperations))]
        public async Task AVoidOperationTakesAnEmptyBodyAWhitespaceBodyOrAnObjectAsSuccess(string operation, Func<CognitoClient, Task> call)
        {
            foreach (var body in new[] { "", " \n", "{}" })
            {
                var handler = new Handler(_ => Ok(body));

                await call(Client(handler));

                var (target, sent) = Assert.Single(handler.Sent);
                Assert.Equal(operation, target);
                Assert.StartsWith($"{{\"UserPoolId\":\"{Pool}\",\"Username\":\"bob\"", sent);
            }
        }

        [Theory]
        [MemberData(nameof(VoidOperations))]
        public async Task AVoidOperationStillRefusesGarbage(string operation, Func<CognitoClient, Task> call)
        {
            var handler = new Handler(_ => Ok("<html>ok</html>"));

            var error = await Assert.ThrowsAsync<CognitoServiceException>(() => call(Client(handler)));

            Assert.Equal("MalformedReply", error.ErrorCode);
            Assert.StartsWith(operation, error.Message);
        }

        [Fact]
        public async Task AnOperationWithReplyMembersRefusesAnEmptyBody()
        {
            var error = await Assert.ThrowsAsync<CognitoServiceException>(() => Client(new Handler(_ => Ok(""))).AdminGetUserAsync(Pool, "bob", default));

            Assert.Equal("MalformedReply", error.ErrorCode);
        }

        [Fact]
        public async Task AdminCreateUserSendsAttributesPasswordMessageSettingsAndReadsTheUser()
        {
            var handler = new Handler(_ => Ok("{\"User\":{\"Username\":\"ann\",\"Attributes\":[{\"Name\":\"email\",\"Value\":\"a@example.com\"}],\"UserStatus\":\"FORCE_CHANGE_PASSWORD\",\"Enabled\":true}}"));
            var request = new NewUserRequest(Pool, "ann")
            {
                Attributes = new[] { new KeyValuePair<string, string>("email", "a@example.com"), new KeyValuePair<string, string>("custom:team", "o\"ps") },
                TemporaryPassword = Secrets.Secure("Tmp-Passw0rd!"),
                MessageAction = "SUPPRESS",
                DeliveryMediums = new[] { "EMAIL", "SMS" },
                ForceAliasCreation = true,
            };

            var user = await Client(handler).AdminCreateUserAsync(request, default);

            Assert.Equal(("ann", "FORCE_CHANGE_PASSWORD"), (user.Username, user.Status));
            Assert.Equal(
                "{\"UserPoolId\":\"eu-west-1_Ab12\",\"Username\":\"ann\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"a@example.com\"},{\"Name\":\"custom:team\",\"Value\":\"o\\\"ps\"}]," +
                "\"TemporaryPassword\":\"Tmp-Passw0rd!\",\"MessageAction\":\"SUPPRESS\",\"DesiredDeliveryMediums\":[\"EMAIL\",\"SMS\"],\"ForceAliasCreation\":true}",
                Assert.Single(handler.Sent).Body);
        }

        [Fact]
        public async Task AdminCreateUserIsNotRepeatedAfterATimeoutTheOutcomeIsUnknown()
        {
            var handler = new Handler(async _ => { await Task.Delay(Timeout.Infinite); return Reply(HttpStatusCode.OK, "{}"); });

            var error = await Assert.ThrowsAsync<CognitoOutcomeUnknownException>(() => Client(handler).AdminCreateUserAsync(new NewUserRequest(Pool, "ann"), default));

            Assert.Single(handler.Sent);
            Assert.IsType<CognitoTimeoutException>(error.InnerException);
            Assert.Contains("AdminCreateUser for user 'ann' in user pool 'eu-west-1_Ab12' was sent, but no answer came in time", error.Message);
        }

        [Theory]
        [InlineData(HttpStatusCode.InternalServerError, "InternalErrorException")]
        [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException")]
        public async Task AdminResetUserPasswordIsNotRepeatedAfterAServerFault(HttpStatusCode status, string type)
        {
            var handler = new Handler(_ => Task.FromResult(Reply(status, $"{{\"__type\":\"{type}\",\"message\":\"m\"}}")));

            var error = await Assert.ThrowsAsync<CognitoOutcomeUnknownException>(() => Client(handler).AdminResetUserPasswordAsync(Pool, "bob", default));

            Assert.Single(handler.Sent);
            Assert.Equal(type, Assert.IsAssignableFrom<CognitoServiceException>(error.InnerException).ErrorCode);
        }

        [Fact]
        public async Task ANonRepeatableOperationIsRetriedAfterThrottling()
        {
            var handler = new Handler(n => Task.FromResult(n < 3 ? Reply(HttpStatusCode.BadRequest, "{\"__type\":\"TooManyRequestsException\",\"message\":\"m\"}") : Reply(HttpStatusCode.OK, "")));

            await Client(handler).AdminResetUserPasswordAsync(Pool, "bob", default);

            Assert.Equal(3, handler.Sent.Count);
        }

        [Fact]
        public async Task ANonRepeatableOperationIsRetriedWhenTheConnectionNeverOpened()
        {
            var refused = new HttpRequestException("Connection refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
            var handler = new Handler(_ => Task.FromException<HttpResponseMessage>(refused));

            var error = await Assert.ThrowsAsync<CognitoConnectionException>(() => Client(handler).AdminCreateUserAsync(new NewUserRequest(Pool, "ann"), default));

            Assert.Equal(4, handler.Sent.Count);
            Assert.False(error.RequestSent);
        }

        [Fact]
        public async Task ANonRepeatableOperationIsNotRetriedWhenTheConnectionDroppedAfterSending()
        {
            var dropped = new HttpRequestException("The response ended prematurely.", new System.IO.IOException("reset"));
            var handler = new Handler(_ => Task.FromException<HttpResponseMessage>(dropped));

            var error = await Assert.ThrowsAsync<CognitoOutcomeUnknownException>(() => Client(handler).AdminCreateUserAsync(new NewUserRequest(Pool, "ann"), default));

            Assert.Single(handler.Sent);
            Assert.True(Assert.IsType<CognitoConnectionException>(error.InnerException).RequestSent);
        }

        [Fact]
        public async Task ARepeatableOperationIsStillRetriedAfterATimeout()
        {
            var handler = new Handler(async n => { if (n < 3) { await Task.Delay(Timeout.Infinite); } return Reply(HttpStatusCode.OK, ""); });

            await Client(handler).AdminDisableUserAsync(Pool, "bob", default);

            Assert.Equal(3, handler.Sent.Count);
        }

        [Theory]
        [InlineData("{\"__type\":\"InvalidPasswordException\",\"message\":\"Value 'Tmp-P\\u00e4ss1!' is not allowed\"}")] // escaped as JSON may
        [InlineData("{\"__type\":\"InvalidPasswordException\",\"message\":\"Value 'Tmp-Päss1!' is not allowed\"}")]
        public async Task AnEchoedTemporaryPasswordIsWithheldFromTheError(string reply)
        {
            var handler = new Handler(_ => Task.FromResult(Reply(HttpStatusCode.BadRequest, reply)));

            var error = await Assert.ThrowsAsync<InvalidPasswordException>(() =>
                Client(handler).AdminCreateUserAsync(new NewUserRequest(Pool, "ann") { TemporaryPassword = Secrets.Secure("Tmp-Päss1!") }, default));

            Assert.DoesNotContain("ss1!", error.ToString());
            Assert.Contains("withheld", error.Message);
        }
    }
}

namespace CognitoPs.Tests
{
    /// <summary>Cognito answers ResourceNotFoundException for a missing pool and a missing group alike: the client asks which.</summary>
    public class GroupNotFoundTests
    {
        private const string NotFound = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Not found.\"}";

        private static (CognitoClient Client, List<string> Operations) Client(bool poolExists)
        {
            var operations = new List<string>();
            var handler = new DelegatingStub(request =>
            {
                var operation = request.Headers.GetValues("X-Amz-Target").Single().Split('.')[1];
                operations.Add(operation);
                return operation == "DescribeUserPool" && poolExists
                    ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"UserPool\":{\"Id\":\"eu-west-1_Ab12\"}}") }
                    : new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(NotFound) };
            });
            return (new CognitoClient(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), "eu-west-1", new CognitoCredentials(new BasicAWSCredentials("AKIDTEST", "s")), new HttpMessageInvoker(handler)), operations);
        }

        private sealed class DelegatingStub : HttpMessageHandler
        {
            private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;

            public DelegatingStub(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(_answer(request));
        }

        [Fact]
        public async Task WhenThePoolExistsTheGroupIsMissingAndThePoolIsAskedOnce()
        {
            var (client, operations) = Client(poolExists: true);

            var first = await Assert.ThrowsAsync<GroupNotFoundException>(() => client.AdminAddUserToGroupAsync("eu-west-1_Ab12", "alice", "ops", default));
            await Assert.ThrowsAsync<GroupNotFoundException>(() => client.ListUsersInGroupAsync("eu-west-1_Ab12", "ops", 60, null, default));

            Assert.Equal("ops", first.GroupName);
            Assert.Equal("ResourceNotFoundException", first.ErrorCode);
            Assert.Equal(new[] { "AdminAddUserToGroup", "DescribeUserPool", "ListUsersInGroup" }, operations);
        }

        [Fact]
        public async Task WhenThePoolIsMissingItStaysAResourceNotFoundAboutThePool()
        {
            var (client, _) = Client(poolExists: false);

            var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.AdminRemoveUserFromGroupAsync("eu-west-1_Ab12", "alice", "ops", default));

            Assert.Equal("Not found.", error.Message);
        }
    }
}
