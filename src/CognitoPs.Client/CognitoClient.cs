using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>
    /// A small typed client for the Cognito user pools API (JSON 1.1 over HTTPS, SigV4-signed), one async method per
    /// operation (see the other parts of this class). This part is the plumbing they share: the body, signing, pacing,
    /// retries, errors and reading the reply. Thread-safe; cmdlets share one per region and endpoint.
    /// </summary>
    public sealed partial class CognitoClient
    {
        private const string TargetPrefix = "AWSCognitoIdentityProviderService.";
        // A long admin session follows DNS changes (Cognito's addresses move) instead of keeping one connection forever.
        private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);
        private static readonly HttpClient SharedHttp = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = ConnectionLifetime,
        })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each call has its own timeout, see CallTimeout
        };

        // Set within SendInline scopes: requests go out through the synchronous Send on the calling thread.
        private static readonly AsyncLocal<bool> SendingInline = new AsyncLocal<bool>();

        private readonly CognitoCredentials _credentials;
        private readonly HttpMessageInvoker _http;

        internal CognitoClient(Uri endpoint, string region, CognitoCredentials credentials, HttpMessageInvoker? http = null)
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
        internal RequestPacing? Pacing { get; set; }

        /// <summary>A send rate that throttling lowers for every request of the command. Null: each request backs off alone.</summary>
        internal AdaptiveSendRate? AdaptiveRate { get; set; }

        /// <summary>Progress worth showing in -Verbose / -Debug. May be raised on any thread.</summary>
        public event Action<ClientMessage>? Message;

        public static Uri DefaultEndpoint(string region) => new Uri($"https://cognito-idp.{region}.amazonaws.com/");

        /// <summary>Sends an operation whose reply has members and reads them; the reply must be a JSON object.</summary>
        private async Task<T> CallAsync<T>(
            CognitoOperation operation, RequestTarget target, Action<JsonBodyWriter> write, Func<JsonElement, T> read, CancellationToken cancellationToken, SecureString? secret = null)
        {
            using var body = NewBody(write);
            var reply = await SendAsync(operation, body.Body, target, secret, cancellationToken).ConfigureAwait(false);
            using var document = ParseObject(operation, reply);
            return read(document.RootElement);
        }

        /// <summary>
        /// Sends an operation without reply members. Success is HTTP 200 with an empty body (as the API reference
        /// describes it) or a JSON object (what Cognito sends today); anything else is garbage, not success.
        /// </summary>
        private async Task CallAsync(
            CognitoOperation operation, RequestTarget target, Action<JsonBodyWriter> write, CancellationToken cancellationToken, SecureString? secret = null)
        {
            using var body = NewBody(write);
            var reply = await SendAsync(operation, body.Body, target, secret, cancellationToken).ConfigureAwait(false);
            if (!IsBlank(reply))
            {
                ParseObject(operation, reply).Dispose();
            }
        }

        // The body is written here, synchronously, so callers' arguments are read before the first await.
        private static JsonBodyWriter NewBody(Action<JsonBodyWriter> write)
        {
            var body = new JsonBodyWriter();
            try
            {
                write(body);
                body.Close();
                return body;
            }
            catch
            {
                body.Dispose();
                throw;
            }
        }

        private static JsonDocument ParseObject(CognitoOperation operation, byte[] reply)
        {
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

        private static bool IsBlank(byte[] reply) => reply.All(b => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n');

        /// <summary>
        /// Until the returned scope is disposed, requests made from this flow of execution are sent synchronously on the
        /// calling thread. For a caller that waits for each reply before it asks for the next (a serial pager): a session's
        /// first request then skips the JIT of HttpClient's async machinery (about 250 methods). A caller with several
        /// requests in flight must not use it: each request would hold its thread for the whole call.
        /// </summary>
        public static IDisposable SendInline()
        {
            var scope = new InlineScope(SendingInline.Value);
            SendingInline.Value = true;
            return scope;
        }

        private sealed class InlineScope : IDisposable
        {
            private readonly bool _outer;

            public InlineScope(bool outer) => _outer = outer;

            public void Dispose() => SendingInline.Value = _outer;
        }

        /// <summary>
        /// Sends one operation with retries; returns the reply body of the successful attempt. When an attempt's outcome
        /// was unknown (no answer came, or a server fault) and a repeat answers what means "already done" (see
        /// <see cref="CognitoOperation.MeansAlreadyDone"/>), the earlier attempt did the work: that is success.
        /// </summary>
        private async Task<byte[]> SendAsync(CognitoOperation operation, ArraySegment<byte> body, RequestTarget target, SecureString? secret, CancellationToken cancellationToken)
        {
            var earlierAttemptMayHaveWorked = false;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await SendOnceAsync(operation, body, target, secret, attempt, cancellationToken).ConfigureAwait(false);
                }
                catch (CognitoServiceException answer) when (earlierAttemptMayHaveWorked && operation.MeansAlreadyDone(answer))
                {
                    Raise(MessageLevel.Verbose, $"{operation} for {target}: attempt {attempt} answered {answer.ErrorCode} ({answer.Message}); "
                        + "an earlier attempt, whose answer was lost, had already done it, so this counts as success.");
                    return Array.Empty<byte>();
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Retry.ShouldRetry(ex, attempt, operation.Repeatable))
                {
                    earlierAttemptMayHaveWorked |= CognitoRetryPolicy.LeavesOutcomeUnknown(ex);
                    var delay = Retry.DelayBefore(attempt);
                    Raise(MessageLevel.Verbose, $"{operation} for {target}: attempt {attempt} failed ({Describe(ex)}); retrying in {delay.TotalMilliseconds:0} ms.");
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !operation.Repeatable && CognitoRetryPolicy.LeavesOutcomeUnknown(ex))
                {
                    throw new CognitoOutcomeUnknownException(
                        $"{operation} for {target} was sent, but {WhatHappened(ex)}, so Cognito may or may not have carried it out; it was not sent again.", ex);
                }
            }
        }

        private static byte[] ReadReply(HttpContent content)
        {
            using var stream = content.ReadAsStream();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var reply = buffer.ToArray();
            Array.Clear(buffer.GetBuffer());   // a reply may echo a password (see SecretScanner): no second copy is left behind
            return reply;
        }

        private async Task<byte[]> SendOnceAsync(
            CognitoOperation operation, ArraySegment<byte> body, RequestTarget target, SecureString? secret, int attempt, CancellationToken cancellationToken)
        {
            if (AdaptiveRate != null)
            {
                await AdaptiveRate.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            }

            if (Pacing != null)
            {
                await Pacing.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            }

            // Refreshed here when temporary credentials have expired (an assumed role after an hour): a failure is the
            // credentials', and stops the command, rather than a failure of this one request.
            var credentials = await _credentials.CurrentAsync().ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
            {
                Content = new ByteArrayContent(body.Array!, body.Offset, body.Count),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(RequestSigner.ContentType);
            request.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation.Name);
            foreach (var header in RequestSigner.Sign(Endpoint, TargetPrefix + operation.Name, body, credentials, Region, DateTime.UtcNow))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (Listening)
            {
                Raise(MessageLevel.Verbose, $"{operation} for {target} (attempt {attempt}).");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CallTimeout);
            var stopwatch = Stopwatch.StartNew();
            var sentAt = AdaptiveRate?.RecordSend() ?? 0;
            try
            {
                var inline = SendingInline.Value;
                using var response = inline ? _http.Send(request, timeout.Token) : await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                var reply = inline ? ReadReply(response.Content) : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
                if (Listening)
                {
                    Raise(MessageLevel.Debug, $"{operation} for {target}: HTTP {(int)response.StatusCode} in {stopwatch.ElapsedMilliseconds} ms, request id {requestId ?? "(none)"}.");
                }

                // A reply that echoes the password is withheld before any of it becomes a string; the parsed message is
                // checked again in case the service escaped characters differently.
                var failure = secret != null && SecretScanner.Contains(reply, secret) ? CognitoErrorParser.Withheld(response.StatusCode, reply, requestId)
                    : response.IsSuccessStatusCode ? null
                    : CognitoErrorParser.Parse(response.StatusCode, reply, requestId);
                if (secret != null && failure != null && SecretScanner.ContainsText(failure.Message, secret))
                {
                    failure = CognitoErrorParser.Withheld(response.StatusCode, reply, requestId);
                }

                Observe(failure, response.StatusCode, sentAt);
                if (failure != null)
                {
                    Array.Clear(reply);
                    throw await AboutResourceAsync(failure, target, cancellationToken).ConfigureAwait(false);
                }

                return reply;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CognitoTimeoutException($"{operation} for {target} got no answer from {Endpoint.Host} within {CallTimeout.TotalSeconds:0.#} s.");
            }
            catch (HttpRequestException ex)
            {
                throw new CognitoConnectionException($"{operation} for {target} could not reach {Endpoint.Host}: {ex.Message}", ex, requestSent: !NeverConnected(ex));
            }
        }

        /// <summary>Tells the adaptive rate what Cognito did with a request: throttled it, or accepted it.</summary>
        private void Observe(CognitoServiceException? failure, System.Net.HttpStatusCode status, double sentAt)
        {
            if (AdaptiveRate is null)
            {
                return;
            }

            if (failure != null && CognitoRetryPolicy.IsThrottling(failure))
            {
                AdaptiveRate.OnThrottled(sentAt);
            }
            else if ((int)status < 500)
            {
                AdaptiveRate.OnAccepted();
            }
        }

        /// <summary>True when the connection was never made (refused, no such host, TLS failed), so nothing reached the service.</summary>
        private static bool NeverConnected(HttpRequestException failure)
        {
            for (var inner = failure.InnerException; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket)
                {
                    return socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound
                        || socket.SocketErrorCode == SocketError.HostUnreachable || socket.SocketErrorCode == SocketError.NetworkUnreachable
                        || socket.SocketErrorCode == SocketError.TryAgain || socket.SocketErrorCode == SocketError.NoData
                        || socket.SocketErrorCode == SocketError.AddressNotAvailable;
                }

                if (inner is System.Security.Authentication.AuthenticationException)
                {
                    return true;
                }
            }

            return false;
        }

        private static string WhatHappened(Exception failure) => failure switch
        {
            CognitoTimeoutException _ => "no answer came in time",
            CognitoConnectionException _ => "the connection dropped before the answer",
            CognitoServiceException service => $"the service failed ({service.ErrorCode})",
            _ => failure.GetType().Name,
        };

        private static string Describe(Exception ex) => ex is CognitoServiceException service ? service.ErrorCode : ex.GetType().Name;

        private void Raise(MessageLevel level, string text) => Message?.Invoke(new ClientMessage(level, text));

        private bool Listening => Message != null;

        /// <summary>Writes the two members every per-user request starts with.</summary>
        private static void WriteUser(JsonBodyWriter body, string userPoolId, string username)
        {
            body.WriteString("UserPoolId", userPoolId);
            body.WriteString("Username", username);
        }
    }
}
