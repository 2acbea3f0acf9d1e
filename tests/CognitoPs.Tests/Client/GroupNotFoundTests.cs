using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using CognitoPs.Client;
using Xunit;

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
            return (new CognitoClient(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), "eu-west-1", new CognitoCredentials(new BasicAWSCredentials("AKIDTEST", "s"), "the test key"), new HttpMessageInvoker(handler)), operations);
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
