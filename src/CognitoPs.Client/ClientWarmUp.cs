using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace CognitoPs.Client
{
    /// <summary>
    /// Sends one ListUsers through the whole client (body, signing, sending, reading and parsing the reply) to a canned
    /// reply in memory, so that a session's first real request finds that code compiled and its types loaded. Nothing
    /// leaves the process and no credentials are read: it signs with a made-up key.
    /// </summary>
    internal static class ClientWarmUp
    {
        private static readonly byte[] CannedReply = Encoding.UTF8.GetBytes(
            "{\"Users\":[{\"Username\":\"warm-up\",\"Attributes\":[{\"Name\":\"email\",\"Value\":\"warm-up@example.com\"}]," +
            "\"UserCreateDate\":1.7E9,\"UserLastModifiedDate\":1.7E9,\"Enabled\":true,\"UserStatus\":\"CONFIRMED\"}]}");

        /// <summary>Returns the users read from the canned reply (one), so that a test can tell the whole path ran.</summary>
        internal static int Run()
        {
            var credentials = new CognitoCredentials(new BasicAWSCredentials("AKIDWARMUP", "warm-up"), "warm-up");
            using var http = new HttpMessageInvoker(new CannedReplyHandler(), disposeHandler: true);
            var client = new CognitoClient(CognitoClient.DefaultEndpoint("us-east-1"), "us-east-1", credentials, http);
            using (CognitoClient.SendInline())
            {
                return client.ListUsersAsync("us-east-1_WarmUp", null, 1, null, CancellationToken.None).GetAwaiter().GetResult().Items.Count;
            }
        }

        private sealed class CannedReplyHandler : HttpMessageHandler
        {
            protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(CannedReply) };

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(Send(request, cancellationToken));
        }
    }
}
