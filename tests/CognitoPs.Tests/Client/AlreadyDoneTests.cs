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
    /// <summary>
    /// A retry after a lost answer: when an attempt was sent and its answer lost, and the repeat answers what means the
    /// work is done (the user deleted is not found, the user confirmed is confirmed, the group deleted is not found), that
    /// is success. The first attempt's answer keeps its meaning, as does the answer after attempts that provably did nothing.
    /// </summary>
    public class AlreadyDoneTests
    {
        private const string Pool = "eu-west-1_Ab12";
        private static readonly HttpRequestException LostAnswer = new HttpRequestException("The response ended prematurely.", new System.IO.IOException("reset"));

        private sealed class Handler : HttpMessageHandler
        {
            private readonly Func<string, int, Task<HttpResponseMessage>> _answer;

            public Handler(Func<string, int, Task<HttpResponseMessage>> answer) => _answer = answer;

            public List<string> Sent { get; } = new List<string>();

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var operation = request.Headers.GetValues("X-Amz-Target").Single().Split('.')[1];
                Sent.Add(operation);
                return _answer(operation, Sent.Count(o => o == operation));
            }
        }

        private static Task<HttpResponseMessage> Answer(HttpStatusCode status, string body = "") =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") });

        private static Task<HttpResponseMessage> Error(string type, string message) =>
            Answer(HttpStatusCode.BadRequest, $"{{\"__type\":\"{type}\",\"message\":\"{message}\"}}");

        private static Task<HttpResponseMessage> Lost() => Task.FromException<HttpResponseMessage>(LostAnswer);

        private static (CognitoClient Client, List<string> Messages) Client(Handler handler)
        {
            var client = new CognitoClient(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), "eu-west-1",
                new CognitoCredentials(new BasicAWSCredentials("AKIDTEST", "secret"), "the test key"), new HttpMessageInvoker(handler))
            {
                Retry = new CognitoRetryPolicy { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
            };
            var messages = new List<string>();
            client.Message += m => { lock (messages) { messages.Add(m.Text); } };
            return (client, messages);
        }

        public static TheoryData<string, Func<CognitoClient, Task>, string, string> AlreadyDoneAnswers => new TheoryData<string, Func<CognitoClient, Task>, string, string>
        {
            { "AdminDeleteUser", c => c.AdminDeleteUserAsync(Pool, "bob", default), "UserNotFoundException", "User does not exist." },
            { "AdminConfirmSignUp", c => c.AdminConfirmSignUpAsync(Pool, "bob", default), "NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED" },
            { "DeleteGroup", c => c.DeleteGroupAsync(Pool, "ops", default), "ResourceNotFoundException", "Group not found." },
            { "AdminForgetDevice", c => c.AdminForgetDeviceAsync(Pool, "bob", "eu-west-1_d1", default), "ResourceNotFoundException", "Device does not exist." },
        };

        [Theory]
        [MemberData(nameof(AlreadyDoneAnswers))]
        public async Task AfterALostAnswerTheAnswerThatMeansDoneIsSuccess(string operation, Func<CognitoClient, Task> call, string type, string message)
        {
            var handler = new Handler((op, n) => op == "DescribeUserPool" ? Answer(HttpStatusCode.OK, "{\"UserPool\":{\"Id\":\"" + Pool + "\"}}")
                : n == 1 ? Lost() : Error(type, message));
            var (client, messages) = Client(handler);

            await call(client);

            Assert.Equal(2, handler.Sent.Count(o => o == operation));
            Assert.Contains(messages, m => m.StartsWith($"{operation} for ", StringComparison.Ordinal)
                && m.Contains("attempt 2 answered " + type) && m.Contains("had already done it, so this counts as success"));
        }

        [Theory]
        [MemberData(nameof(AlreadyDoneAnswers))]
        public async Task TheFirstAttemptsAnswerKeepsItsMeaning(string operation, Func<CognitoClient, Task> call, string type, string message)
        {
            var handler = new Handler((op, _) => op == "DescribeUserPool" ? Answer(HttpStatusCode.OK, "{\"UserPool\":{\"Id\":\"" + Pool + "\"}}") : Error(type, message));

            var error = await Assert.ThrowsAnyAsync<CognitoServiceException>(() => call(Client(handler).Client));

            Assert.Equal(type, error.ErrorCode);
            Assert.Equal(1, handler.Sent.Count(o => o == operation));
        }

        [Fact]
        public async Task AfterAttemptsThatProvablyDidNothingTheAnswerKeepsItsMeaning()
        {
            // A throttled request was refused, not carried out: a "not found" after it is the truth about the user.
            var handler = new Handler((_, n) => n == 1 ? Error("TooManyRequestsException", "Too many requests") : Error("UserNotFoundException", "User does not exist."));

            await Assert.ThrowsAsync<UserNotFoundException>(() => Client(handler).Client.AdminDeleteUserAsync(Pool, "bob", default));

            Assert.Equal(2, handler.Sent.Count);
        }

        [Fact]
        public async Task AnAnswerThatOnlyLooksLikeDoneIsStillAnError()
        {
            // Not about the user's confirmation: a permission problem stays one, lost answer or not.
            var handler = new Handler((_, n) => n == 1 ? Lost() : Error("NotAuthorizedException", "Access to the requested resource is not authorized."));

            await Assert.ThrowsAsync<NotAuthorizedException>(() => Client(handler).Client.AdminConfirmSignUpAsync(Pool, "bob", default));
        }

        [Fact]
        public async Task AMissingPoolOnTheRepeatOfADeleteGroupIsStillAnError()
        {
            var handler = new Handler((op, n) => op == "DescribeUserPool" ? Error("ResourceNotFoundException", $"User pool {Pool} does not exist.")
                : n == 1 ? Answer(HttpStatusCode.InternalServerError, "{\"__type\":\"InternalErrorException\",\"message\":\"oops\"}")
                : Error("ResourceNotFoundException", $"User pool {Pool} does not exist."));

            var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client(handler).Client.DeleteGroupAsync(Pool, "ops", default));

            Assert.Contains("does not exist", error.Message);
        }

        [Fact]
        public async Task AnOperationWithoutSuchAnAnswerIsNotTurnedIntoSuccess()
        {
            // Disabling a user that is not found is not "already disabled": the user does not exist.
            var handler = new Handler((_, n) => n == 1 ? Lost() : Error("UserNotFoundException", "User does not exist."));

            await Assert.ThrowsAsync<UserNotFoundException>(() => Client(handler).Client.AdminDisableUserAsync(Pool, "bob", default));
        }
    }
}
