using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Threading;
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

        internal RetryPolicy Retry { get; set; } = new RetryPolicy();

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
                await SendAsync("AdminSetUserPassword", body.Body, $"user '{username}' in user pool '{userPoolId}'", cancellationToken).ConfigureAwait(false);
            }
            catch (CognitoServiceException ex) when (SecretScanner.Contains(ex.Message, password))
            {
                // Defence in depth: a service message that echoes the submitted value must not carry it into an ErrorRecord.
                throw CognitoErrorParser.Create(ex.ErrorCode, "The service's message was withheld because it contained the password.", ex.StatusCode, ex.RequestId);
            }
        }

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

            Raise(MessageLevel.Verbose, $"{operation} for {subject} (attempt {attempt}).");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CallTimeout);
            var stopwatch = Stopwatch.StartNew();
            HttpResponseMessage response;
            byte[] reply;
            try
            {
                response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                reply = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CognitoTimeoutException($"{operation} for {subject} got no answer from {Endpoint.Host} within {CallTimeout.TotalSeconds:0.#} s.");
            }
            catch (HttpRequestException ex)
            {
                throw new CognitoConnectionException($"{operation} for {subject} could not reach {Endpoint.Host}: {ex.Message}", ex);
            }

            using (response)
            {
                var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
                Raise(MessageLevel.Debug, $"{operation} for {subject}: HTTP {(int)response.StatusCode} in {stopwatch.ElapsedMilliseconds} ms, request id {requestId ?? "(none)"}.");
                if (response.IsSuccessStatusCode)
                {
                    return reply;
                }

                throw CognitoErrorParser.Parse(response.StatusCode, reply, requestId);
            }
        }

        private static string Describe(Exception ex) => ex is CognitoServiceException service ? service.ErrorCode : ex.GetType().Name;

        private void Raise(MessageLevel level, string text) => Message?.Invoke(new ClientMessage(level, text));
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
