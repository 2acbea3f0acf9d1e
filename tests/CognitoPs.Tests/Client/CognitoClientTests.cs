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
                new CognitoCredentials(credentials ?? new BasicAWSCredentials("AKIDTEST", "secret"), "the test key"), new HttpMessageInvoker(handler))
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
