using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using CognitoPs.Client;
using Xunit;

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
            new CognitoClient(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), "eu-west-1", new CognitoCredentials(new BasicAWSCredentials("AKIDTEST", "secret"), "the test key"), new HttpMessageInvoker(handler))
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
