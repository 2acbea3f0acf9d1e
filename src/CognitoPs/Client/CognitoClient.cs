using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace CognitoPs.Client
{
    /// <summary>
    /// A small typed client for the Cognito user pools API (JSON 1.1 over HTTPS, SigV4-signed),
    /// one async method per operation. Thread-safe; cmdlets share one per region and endpoint.
    /// </summary>
    public sealed class CognitoClient
    {
        private const string TargetPrefix = "AWSCognitoIdentityProviderService.";
        private static readonly HttpClient SharedHttp = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each call has its own timeout, see CallTimeout
        };

        private readonly AWSCredentials _credentials;
        private readonly HttpMessageInvoker _http;

        public CognitoClient(Uri endpoint, string region, AWSCredentials credentials, HttpMessageInvoker? http = null)
        {
            Endpoint = endpoint;
            Region = region;
            _credentials = credentials;
            _http = http ?? SharedHttp;
        }

        public Uri Endpoint { get; }

        public string Region { get; }

        public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

        internal CognitoRetryPolicy Retry { get; set; } = new CognitoRetryPolicy();

        /// <summary>Paces every attempt (retries included), e.g. to stay under a Cognito quota. Null: no pacing.</summary>
        public RateLimiter? Pacing { get; set; }

        /// <summary>Progress worth showing in -Verbose / -Debug. May be raised on any thread.</summary>
        public event Action<ClientMessage>? Message;

        public static Uri DefaultEndpoint(string region) => new Uri($"https://cognito-idp.{region}.amazonaws.com/");

        /// <summary>AdminSetUserPassword. The password is read from the SecureString only while the body is written.</summary>
        public async Task AdminSetUserPasswordAsync(string userPoolId, string username, SecureString password, bool permanent, CancellationToken cancellationToken)
        {
            using var body = new JsonBodyWriter();
            body.WriteString("UserPoolId", userPoolId);
            body.WriteString("Username", username);
            body.WriteSecret("Password", password);
            body.WriteBoolean("Permanent", permanent);
            body.Close();
            try
            {
                // The reply is {}; reading it anyway means a garbled success is reported, not taken on trust.
                using var reply = await SendForJsonAsync("AdminSetUserPassword", body, $"user '{username}' in user pool '{userPoolId}'", cancellationToken).ConfigureAwait(false);
            }
            catch (CognitoServiceException ex) when (SecretScanner.Contains(ex.Message, password))
            {
                // Defence in depth: a service message that echoes the submitted value must not carry it into an ErrorRecord.
                throw CognitoErrorParser.Create(ex.ErrorCode, "The service's message was withheld because it contained the password.", ex.StatusCode, ex.RequestId);
            }
        }

        /// <summary>AdminGetUser: one user by name (or alias). Unknown users throw <see cref="UserNotFoundException"/>.</summary>
        public async Task<UserRecord> AdminGetUserAsync(string userPoolId, string username, CancellationToken cancellationToken)
        {
            using var body = new JsonBodyWriter();
            body.WriteString("UserPoolId", userPoolId);
            body.WriteString("Username", username);
            body.Close();
            using var reply = await SendForJsonAsync("AdminGetUser", body, $"user '{username}' in user pool '{userPoolId}'", cancellationToken).ConfigureAwait(false);
            return UserRecord.Read(reply.RootElement);
        }

        /// <summary>One ListUsers page (Limit 1–60). Pass the previous page's token to continue.</summary>
        public async Task<UserPage> ListUsersAsync(string userPoolId, string? filter, int limit, string? paginationToken, CancellationToken cancellationToken)
        {
            using var body = new JsonBodyWriter();
            body.WriteString("UserPoolId", userPoolId);
            if (!string.IsNullOrEmpty(filter))
            {
                body.WriteString("Filter", filter!);
            }

            body.WriteNumber("Limit", limit);
            if (paginationToken != null)
            {
                body.WriteString("PaginationToken", paginationToken);
            }

            body.Close();
            using var reply = await SendForJsonAsync("ListUsers", body, $"user pool '{userPoolId}'", cancellationToken).ConfigureAwait(false);
            return new UserPage(ReadList(reply, "Users", UserRecord.Read), NonEmpty(Json.String(reply.RootElement, "PaginationToken")));
        }

        /// <summary>DescribeUserPool: the pool's name, size estimate and password policy. Unknown pools throw <see cref="ResourceNotFoundException"/>.</summary>
        public async Task<UserPoolRecord> DescribeUserPoolAsync(string userPoolId, CancellationToken cancellationToken)
        {
            using var body = new JsonBodyWriter();
            body.WriteString("UserPoolId", userPoolId);
            body.Close();
            using var reply = await SendForJsonAsync("DescribeUserPool", body, $"user pool '{userPoolId}'", cancellationToken).ConfigureAwait(false);
            if (!reply.RootElement.TryGetProperty("UserPool", out var pool) || pool.ValueKind != JsonValueKind.Object)
            {
                throw new CognitoServiceException("MalformedReply", "DescribeUserPool answered without a UserPool object.", System.Net.HttpStatusCode.OK, null);
            }

            return UserPoolRecord.Read(pool);
        }

        /// <summary>One ListUserPools page (MaxResults 1–60).</summary>
        public async Task<(IReadOnlyList<UserPoolRecord> Pools, string? NextToken)> ListUserPoolsAsync(int maxResults, string? nextToken, CancellationToken cancellationToken)
        {
            using var body = new JsonBodyWriter();
            body.WriteNumber("MaxResults", maxResults);
            if (nextToken != null)
            {
                body.WriteString("NextToken", nextToken);
            }

            body.Close();
            using var reply = await SendForJsonAsync("ListUserPools", body, $"region {Region}", cancellationToken).ConfigureAwait(false);
            return (ReadList(reply, "UserPools", UserPoolRecord.Read), NonEmpty(Json.String(reply.RootElement, "NextToken")));
        }

        /// <summary>The items of a page's array property; a missing or non-array property is an empty page.</summary>
        private static List<T> ReadList<T>(JsonDocument reply, string name, Func<JsonElement, T> read)
        {
            var items = new List<T>();
            if (reply.RootElement.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    items.Add(read(item));
                }
            }

            return items;
        }

        private async Task<JsonDocument> SendForJsonAsync(string operation, JsonBodyWriter body, string subject, CancellationToken cancellationToken)
        {
            var reply = await SendAsync(operation, body.Body, subject, cancellationToken).ConfigureAwait(false);
            try
            {
                var document = JsonDocument.Parse(reply);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return document;
                }

                document.Dispose();
            }
            catch (JsonException)
            {
            }

            throw new CognitoServiceException("MalformedReply",
                $"{operation} answered HTTP 200 with {reply.Length} bytes that are not a JSON object ({CognitoErrorParser.Preview(reply)}); the outcome is unknown.",
                System.Net.HttpStatusCode.OK, null);
        }

        private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        /// <summary>Sends one operation with retries; returns the reply body of the successful attempt.</summary>
        internal async Task<byte[]> SendAsync(string operation, ArraySegment<byte> body, string subject, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await SendOnceAsync(operation, body, subject, attempt, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (Retry.ShouldRetry(ex, attempt) && !cancellationToken.IsCancellationRequested)
                {
                    var delay = Retry.DelayBefore(attempt);
                    Raise(MessageLevel.Verbose, $"{operation} for {subject}: attempt {attempt} failed ({Describe(ex)}); retrying in {delay.TotalMilliseconds:0} ms.");
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task<byte[]> SendOnceAsync(string operation, ArraySegment<byte> body, string subject, int attempt, CancellationToken cancellationToken)
        {
            using var lease = Pacing is null ? null : await Pacing.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            var credentials = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
            {
                Content = new ByteArrayContent(body.Array!, body.Offset, body.Count),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(RequestSigner.ContentType);
            request.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
            foreach (var header in RequestSigner.Sign(Endpoint, TargetPrefix + operation, body, credentials, Region, DateTime.UtcNow))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (Listening)
            {
                Raise(MessageLevel.Verbose, $"{operation} for {subject} (attempt {attempt}).");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CallTimeout);
            var stopwatch = Stopwatch.StartNew();
            try
            {
                using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                var reply = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
                if (Listening)
                {
                    Raise(MessageLevel.Debug, $"{operation} for {subject}: HTTP {(int)response.StatusCode} in {stopwatch.ElapsedMilliseconds} ms, request id {requestId ?? "(none)"}.");
                }

                return response.IsSuccessStatusCode ? reply : throw CognitoErrorParser.Parse(response.StatusCode, reply, requestId);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CognitoTimeoutException($"{operation} for {subject} got no answer from {Endpoint.Host} within {CallTimeout.TotalSeconds:0.#} s.");
            }
            catch (HttpRequestException ex)
            {
                throw new CognitoConnectionException($"{operation} for {subject} could not reach {Endpoint.Host}: {ex.Message}", ex);
            }
        }

        private static string Describe(Exception ex) => ex is CognitoServiceException service ? service.ErrorCode : ex.GetType().Name;

        private void Raise(MessageLevel level, string text) => Message?.Invoke(new ClientMessage(level, text));

        private bool Listening => Message != null;
    }

    public enum MessageLevel
    {
        Verbose,
        Debug,
    }

    public sealed class ClientMessage
    {
        public ClientMessage(MessageLevel level, string text)
        {
            Level = level;
            Text = text;
        }

        public MessageLevel Level { get; }

        public string Text { get; }
    }
}
