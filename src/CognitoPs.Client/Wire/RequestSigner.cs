using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace CognitoPs.Client
{
    /// <summary>
    /// SigV4 for a JSON 1.1 POST. We build the canonical request (it is tiny and fixed in shape);
    /// the key derivation and signature come from AWSSDK.Core's <see cref="AWS4Signer"/>.
    /// </summary>
    internal static class RequestSigner
    {
        public const string ServiceName = "cognito-idp";
        public const string ContentType = "application/x-amz-json-1.1";

        /// <summary>Returns the headers to add to the request: X-Amz-Date, Authorization and, with a session token, X-Amz-Security-Token.</summary>
        public static IReadOnlyDictionary<string, string> Sign(
            Uri endpoint, string target, ArraySegment<byte> body, ImmutableCredentials credentials, string region, DateTime signedAtUtc)
        {
            var amzDate = signedAtUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            // The signed headers, written in the order SigV4 wants (sorted by name). Spelled out rather than sorted at
            // run time: a sorted collection of pairs costs a fresh session ~40 JIT-compiled methods before its first call.
            var canonicalHeaders = new StringBuilder()
                .Append("content-type:").Append(ContentType).Append('\n')
                .Append("host:").Append(HostHeader(endpoint)).Append('\n')
                .Append("x-amz-date:").Append(amzDate).Append('\n');
            if (credentials.UseToken)
            {
                canonicalHeaders.Append("x-amz-security-token:").Append(credentials.Token.Trim()).Append('\n');
            }

            canonicalHeaders.Append("x-amz-target:").Append(target).Append('\n');
            var signedHeaders = credentials.UseToken
                ? "content-type;host;x-amz-date;x-amz-security-token;x-amz-target"
                : "content-type;host;x-amz-date;x-amz-target";
            var canonicalRequest = new StringBuilder()
                .Append("POST\n")
                .Append(CanonicalPath(endpoint)).Append('\n')
                .Append('\n') // no query string
                .Append(canonicalHeaders).Append('\n')
                .Append(signedHeaders).Append('\n')
                .Append(PayloadHash(body))
                .ToString();

            var result = AWS4Signer.ComputeSignature(credentials, region, signedAtUtc, ServiceName, signedHeaders, canonicalRequest);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["X-Amz-Date"] = amzDate,
                ["Authorization"] = result.ForAuthorizationHeader,
            };
            if (credentials.UseToken)
            {
                headers["X-Amz-Security-Token"] = credentials.Token;
            }

            return headers;
        }

        /// <summary>What HttpClient sends as Host: the port only when it is not the scheme's default.</summary>
        internal static string HostHeader(Uri endpoint) =>
            endpoint.IsDefaultPort ? endpoint.IdnHost : $"{endpoint.IdnHost}:{endpoint.Port}";

        private static string CanonicalPath(Uri endpoint) =>
            string.IsNullOrEmpty(endpoint.AbsolutePath) ? "/" : endpoint.AbsolutePath;

        // Hashes the body in place: AWS4Signer.ComputeHash wants an exact-length array, which would mean copying the password.
        private static string PayloadHash(ArraySegment<byte> body) => AWSSDKUtils.ToHex(SHA256.HashData(body.AsSpan()), true);
    }
}
