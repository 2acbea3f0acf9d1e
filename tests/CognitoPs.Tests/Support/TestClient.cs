using System;
using System.Net;
using System.Net.Http;
using System.Text;
using Amazon.Runtime;
using CognitoPs.Client;

namespace CognitoPs.Tests
{
    /// <summary>A client on a handler the test controls, with the test key and quick retries, and Cognito-shaped answers.</summary>
    internal static class TestClient
    {
        public static CognitoClient On(HttpMessageHandler handler, int maxRetries = 2) =>
            new CognitoClient(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), "eu-west-1",
                new CognitoCredentials(new BasicAWSCredentials("AKIDTEST", "secret"), "the test key"), new HttpMessageInvoker(handler))
            {
                Retry = new CognitoRetryPolicy { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
            };

        public static HttpResponseMessage Reply(HttpStatusCode status, string body, string type = "application/x-amz-json-1.1") =>
            new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, type) };
    }
}
