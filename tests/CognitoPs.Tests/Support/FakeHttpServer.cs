using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Tests
{
    /// <summary>
    /// A loopback HTTP server for tests that need a real socket (the cmdlet in a hosted runspace).
    /// The handler returns (status, JSON body) for each request; every request is recorded.
    /// Status 0 means stall: the request is never answered (until the server is disposed).
    /// </summary>
    internal sealed class FakeHttpServer : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly Func<CapturedRequest, (int Status, string Body)> _handler;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        public FakeHttpServer(Func<CapturedRequest, (int Status, string Body)> handler)
        {
            _handler = handler;
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public ConcurrentQueue<CapturedRequest> Requests { get; } = new ConcurrentQueue<CapturedRequest>();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                _ = Task.Run(() => AnswerAsync(context)); // concurrently, as a real service would
            }
        }

        private async Task AnswerAsync(HttpListenerContext context)
        {
            try
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var request = new CapturedRequest(
                    context.Request.HttpMethod, context.Request.RawUrl ?? "", context.Request.ContentType,
                    context.Request.Headers["X-Amz-Target"], context.Request.Headers["Authorization"],
                    context.Request.Headers["X-Amz-Security-Token"], await reader.ReadToEndAsync());
                Requests.Enqueue(request);
                (int Status, string Body) answer;
                try
                {
                    answer = _handler(request);
                }
                catch (Exception ex)
                {
                    // A broken test handler must fail the test, not leave the client waiting for its timeout.
                    answer = (500, $"{{\"__type\":\"TestHandlerFailed\",\"message\":\"{ex.GetType().Name}\"}}");
                }

                var (status, body) = answer;
                if (status == 0)
                {
                    return;
                }

                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/x-amz-json-1.1";
                context.Response.Headers["x-amzn-RequestId"] = "req-" + Requests.Count;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                // the server was disposed mid-answer
            }
            catch (HttpListenerException)
            {
                // the client gave up (a cancelled or timed-out call)
            }
        }
    }
}
