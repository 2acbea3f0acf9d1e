using System;
using System.Management.Automation;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal.Auth;

namespace SignedFloorModule
{
    /// <summary>Lists the first user of a pool with one SigV4-signed ListUsers call: the least a mission-conforming cmdlet does.</summary>
    [Cmdlet(VerbsCommon.Get, "SignedFloorUser", SupportsPaging = true)]
    [OutputType(typeof(SignedFloorUser))]
    public sealed class GetSignedFloorUserCommand : PSCmdlet
    {
        private const string Target = "AWSCognitoIdentityProviderService.ListUsers";
        private const string SignedHeaders = "content-type;host;x-amz-date;x-amz-target";
        private static readonly HttpClient Http = new HttpClient();

        [Parameter(Mandatory = true)]
        public string UserPoolId { get; set; } = "";

        [Parameter(Mandatory = true)]
        public Uri? EndpointUrl { get; set; }

        protected override void ProcessRecord()
        {
            var credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(null).GetCredentials();
            var region = UserPoolId.Split('_')[0];
            var body = Encoding.UTF8.GetBytes($"{{\"UserPoolId\":\"{UserPoolId}\",\"Limit\":1}}"); // the id is our own command line's
            var now = DateTime.UtcNow;
            var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'");
            var host = EndpointUrl!.IsDefaultPort ? EndpointUrl.Host : $"{EndpointUrl.Host}:{EndpointUrl.Port}";
            var canonicalRequest = $"POST\n{EndpointUrl.AbsolutePath}\n\ncontent-type:application/x-amz-json-1.1\nhost:{host}\n" +
                $"x-amz-date:{amzDate}\nx-amz-target:{Target}\n\n{SignedHeaders}\n{Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant()}";
            var signature = AWS4Signer.ComputeSignature(credentials, region, now, "cognito-idp", SignedHeaders, canonicalRequest);

            using var request = new HttpRequestMessage(HttpMethod.Post, EndpointUrl) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
            request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
            request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
            request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
            using var response = Http.Send(request);
            response.EnsureSuccessStatusCode();
            using var reply = JsonDocument.Parse(response.Content.ReadAsStream());
            var username = reply.RootElement.GetProperty("Users")[0].GetProperty("Username").GetString();
            WriteObject(new SignedFloorUser { Username = username ?? "" });
        }
    }

    public sealed class SignedFloorUser
    {
        public string Username { get; set; } = "";
    }
}
