using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>Within CognitoClient.SendInline, requests go out through the synchronous Send on the calling thread; outside it, through SendAsync.</summary>
    public class SendInlineTests
    {
        private const string OnePage = "{\"Users\":[{\"Username\":\"alice\",\"UserStatus\":\"CONFIRMED\",\"Enabled\":true,\"Attributes\":[]}]}";

        /// <summary>Records which path each request took and on which thread; answers from <paramref name="answer"/>.</summary>
        private sealed class PathRecordingHandler : HttpMessageHandler
        {
            private readonly Func<int, HttpResponseMessage> _answer;

            public PathRecordingHandler(Func<int, HttpResponseMessage> answer) => _answer = answer;

            public List<(string Path, int Thread)> Sends { get; } = new List<(string, int)>();

            protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Sends.Add(("Send", Environment.CurrentManagedThreadId));
                cancellationToken.ThrowIfCancellationRequested();
                return _answer(Sends.Count);
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                await Task.Yield();
                Sends.Add(("SendAsync", Environment.CurrentManagedThreadId));
                return _answer(Sends.Count);
            }
        }

        private static HttpResponseMessage Ok(int _) => TestClient.Reply(HttpStatusCode.OK, OnePage);

        [Fact]
        public async Task WithinTheScopeTheRequestIsSentOnTheCallingThreadAndTheCallIsDoneOnReturn()
        {
            var handler = new PathRecordingHandler(Ok);
            var client = TestClient.On(handler);

            Task<Page<UserRecord>> call;
            using (CognitoClient.SendInline())
            {
                call = client.ListUsersAsync("eu-west-1_Ab12", null, 1, null, default);
            }

            Assert.True(call.IsCompletedSuccessfully);
            Assert.Equal("alice", Assert.Single((await call).Items).Username);
            Assert.Equal(("Send", Environment.CurrentManagedThreadId), Assert.Single(handler.Sends));
        }

        [Fact]
        public async Task OutsideTheScopeAndAfterItRequestsGoThroughSendAsync()
        {
            var handler = new PathRecordingHandler(Ok);
            var client = TestClient.On(handler);

            await client.ListUsersAsync("eu-west-1_Ab12", null, 1, null, default);
            using (CognitoClient.SendInline())
            {
                var inline = client.ListUsersAsync("eu-west-1_Ab12", null, 1, null, default);
                Assert.True(inline.IsCompletedSuccessfully);
            }

            await client.ListUsersAsync("eu-west-1_Ab12", null, 1, null, default);

            Assert.Equal(new[] { "SendAsync", "Send", "SendAsync" }, handler.Sends.ConvertAll(send => send.Path));
        }

        [Fact]
        public async Task AnInlineRequestIsRetriedAndItsFailuresAreTheSameTypedErrors()
        {
            var handler = new PathRecordingHandler(n => n == 1
                ? TestClient.Reply(HttpStatusCode.BadRequest, "{\"__type\":\"TooManyRequestsException\",\"message\":\"Rate exceeded\"}")
                : TestClient.Reply(HttpStatusCode.BadRequest, "{\"__type\":\"InvalidParameterException\",\"message\":\"Limit is out of range.\"}"));
            var client = TestClient.On(handler, maxRetries: 2);

            Task<Page<UserRecord>> call;
            using (CognitoClient.SendInline())
            {
                call = client.ListUsersAsync("eu-west-1_Ab12", null, 1, null, default);
            }

            var failure = await Assert.ThrowsAnyAsync<CognitoServiceException>(() => call);
            Assert.Equal("InvalidParameterException", failure.ErrorCode);

            Assert.Equal(new[] { "Send", "Send" }, handler.Sends.ConvertAll(send => send.Path));
        }
    }
}
