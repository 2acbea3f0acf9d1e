using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>
    /// Our Authorization header against the AWS JS SDK's signer (@smithy/signature-v4, run by node from
    /// tests/endpoint/sigv4.js) for the same fixed request, time and key.
    /// </summary>
    public class SigningTests
    {
        private static readonly DateTime SignedAt = new DateTime(2026, 11, 26, 10, 15, 0, DateTimeKind.Utc);

        public static IEnumerable<object?[]> Requests() => new[]
        {
            new object?[] { "https://cognito-idp.eu-west-1.amazonaws.com/", "eu-west-1", "{\"UserPoolId\":\"eu-west-1_Ab12\",\"Username\":\"alice\",\"Password\":\"P@ss\",\"Permanent\":true}", null },
            new object?[] { "http://127.0.0.1:9229/", "us-east-1", "{}", null },
            new object?[] { "https://cognito-idp.ap-southeast-2.amazonaws.com/", "ap-southeast-2", "{\"Username\":\"jürgen 😀\"}", "FwoGZXIvYXdzEXAMPLE//session+token=" },
        };

        [Theory]
        [MemberData(nameof(Requests))]
        public void AuthorizationHeaderMatchesTheAwsJsSdkSigner(string endpoint, string region, string body, string? sessionToken)
        {
            var credentials = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken);
            var uri = new Uri(endpoint);
            var bytes = Encoding.UTF8.GetBytes(body);
            const string target = "AWSCognitoIdentityProviderService.AdminSetUserPassword";

            var ours = RequestSigner.Sign(uri, target, new ArraySegment<byte>(bytes), credentials, region, SignedAt);

            var headers = new Dictionary<string, string>
            {
                ["content-type"] = "application/x-amz-json-1.1",
                ["x-amz-date"] = "20261126T101500Z",
                ["x-amz-target"] = target,
            };
            if (sessionToken != null)
            {
                headers["x-amz-security-token"] = sessionToken;
                Assert.Equal(sessionToken, ours["X-Amz-Security-Token"]);
            }

            var reference = ReferenceAuthorization(new
            {
                method = "POST",
                host = RequestSigner.HostHeader(uri),
                path = "/",
                headers,
                bodyBase64 = Convert.ToBase64String(bytes),
                region,
                service = "cognito-idp",
                credentials = new { accessKeyId = credentials.AccessKey, secretAccessKey = credentials.SecretKey, sessionToken },
                amzDate = "20261126T101500Z",
            });

            Assert.Equal("20261126T101500Z", ours["X-Amz-Date"]);
            Assert.Equal(reference, ours["Authorization"]);
        }

        [Fact]
        public void AChangedBodyChangesTheSignature()
        {
            var credentials = new ImmutableCredentials("AKIDEXAMPLE", "secret", null);
            var uri = new Uri("https://cognito-idp.eu-west-1.amazonaws.com/");
            string Sign(string body) => RequestSigner.Sign(uri, "T", new ArraySegment<byte>(Encoding.UTF8.GetBytes(body)), credentials, "eu-west-1", SignedAt)["Authorization"];

            Assert.NotEqual(Sign("{\"Password\":\"a\"}"), Sign("{\"Password\":\"b\"}"));
        }

        private static string ReferenceAuthorization(object request)
        {
            var endpointDir = Path.Combine(Repo.Root, "tests", "endpoint");
            Assert.True(Directory.Exists(Path.Combine(endpointDir, "node_modules", "@smithy", "signature-v4")),
                "tests/endpoint/node_modules is missing: run ./build.ps1 Test (it runs npm ci) first.");
            var start = new ProcessStartInfo("node", "sigv4.js")
            {
                WorkingDirectory = endpointDir,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            node.StandardInput.Write(JsonSerializer.Serialize(request));
            node.StandardInput.Close();
            var output = node.StandardOutput.ReadToEnd();
            var errors = node.StandardError.ReadToEnd();
            Assert.True(node.WaitForExit(30_000), "node sigv4.js did not finish");
            Assert.True(node.ExitCode == 0, "node sigv4.js failed: " + errors);
            return output.Trim();
        }
    }
}
