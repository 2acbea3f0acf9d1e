using System;
using System.Collections.Generic;
using System.IO;
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
    /// <summary>The import-job operations and the upload to the pre-signed URL, as Cognito and S3 answer them.</summary>
    public class ImportJobOperationTests
    {
        private const string Pool = "eu-west-1_Ab12";
        private const string Job = "{\"UserImportJob\":{\"JobId\":\"import-1\",\"JobName\":\"n\",\"UserPoolId\":\"eu-west-1_Ab12\",\"Status\":\"InProgress\",\"ImportedUsers\":7,\"FailedUsers\":2,\"PreSignedUrl\":\"https://s3.example/u?X-Amz-Signature=abc\"}}";

        private sealed class Handler : HttpMessageHandler
        {
            private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;

            public Handler(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;

            public List<(HttpRequestMessage Request, string Body)> Sent { get; } = new List<(HttpRequestMessage, string)>();

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Sent.Add((request, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
                return _answer(request);
            }
        }

        private static HttpResponseMessage Reply(HttpStatusCode status, string body, string type = "application/x-amz-json-1.1") => TestClient.Reply(status, body, type);

        private static CognitoClient Client(Handler handler) => TestClient.On(handler);

        [Fact]
        public async Task TheJobIsCreatedWithItsRoleAndReadWithItsCounts()
        {
            var handler = new Handler(_ => Reply(HttpStatusCode.OK, Job));

            var job = await Client(handler).CreateUserImportJobAsync(Pool, "move", "arn:aws:iam::123456789012:role/r", default);

            Assert.Contains("\"CloudWatchLogsRoleArn\":\"arn:aws:iam::123456789012:role/r\"", handler.Sent.Single().Body);
            Assert.Equal(("import-1", "InProgress", 7L, 2L, false), (job.JobId, job.Status, job.ImportedUsers, job.FailedUsers, job.Ended));
        }

        [Fact]
        public async Task TheUploadCarriesTheEncryptionHeaderAndNoSignatureOfOurs()
        {
            var handler = new Handler(_ => Reply(HttpStatusCode.OK, ""));

            await Client(handler).UploadImportFileAsync(new Uri("https://s3.example/u?X-Amz-Signature=abc"), new MemoryStream(Encoding.UTF8.GetBytes("a,b\n")), default);

            var (request, body) = handler.Sent.Single();
            Assert.Equal(HttpMethod.Put, request.Method);
            Assert.Equal("aws:kms", request.Headers.GetValues("x-amz-server-side-encryption").Single());
            Assert.False(request.Headers.Contains("Authorization"));
            Assert.Equal("a,b\n", body);
        }

        [Fact]
        public async Task S3sRefusalIsNamedByS3sCode()
        {
            var handler = new Handler(_ => Reply(HttpStatusCode.Forbidden,
                "<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match.</Message></Error>", "application/xml"));

            var failure = await Assert.ThrowsAsync<CognitoServiceException>(() =>
                Client(handler).UploadImportFileAsync(new Uri("https://s3.example/u"), new MemoryStream(new byte[1]), default));

            Assert.Equal("SignatureDoesNotMatch", failure.ErrorCode);
            Assert.Contains("HTTP 403", failure.Message);
            Assert.Contains("does not match", failure.Message);
        }

        [Fact]
        public async Task AMissingJobInAPoolThatExistsIsImportJobNotFound()
        {
            var handler = new Handler(request => request.Headers.GetValues("X-Amz-Target").Single().EndsWith("DescribeUserPool", StringComparison.Ordinal)
                ? Reply(HttpStatusCode.OK, "{\"UserPool\":{\"Id\":\"" + Pool + "\"}}")
                : Reply(HttpStatusCode.BadRequest, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Import job not found.\"}"));

            var failure = await Assert.ThrowsAsync<ImportJobNotFoundException>(() => Client(handler).DescribeUserImportJobAsync(Pool, "import-9", default));

            Assert.Equal("import-9", failure.JobId);
        }

        [Fact]
        public async Task CreatingAndStartingAreNotRepeatedAfterALostAnswer()
        {
            var handler = new Handler(_ => throw new HttpRequestException("The response ended prematurely.", new IOException("reset")));

            await Assert.ThrowsAnyAsync<CognitoException>(() => Client(handler).StartUserImportJobAsync(Pool, "import-1", default));

            Assert.Single(handler.Sent);
        }
    }
}
