using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace CognitoPs.Tests
{
    internal static class Repo
    {
        public static string Root { get; } = FindRoot();

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CognitoPs.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Cannot find the repository root (CognitoPs.sln) above " + AppContext.BaseDirectory);
        }
    }

    internal static class Secrets
    {
        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }

    /// <summary>One request as the fake server saw it.</summary>
    internal sealed record CapturedRequest(string Method, string Path, string? ContentType, string? Target, string? Authorization, string? SecurityToken, string Body);

    /// <summary>
    /// A loopback HTTP server for tests that need a real socket (the cmdlet in a hosted runspace).
    /// The handler returns (status, JSON body) for each request; every request is recorded.
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

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var request = new CapturedRequest(
                    context.Request.HttpMethod, context.Request.RawUrl ?? "", context.Request.ContentType,
                    context.Request.Headers["X-Amz-Target"], context.Request.Headers["Authorization"],
                    context.Request.Headers["X-Amz-Security-Token"], await reader.ReadToEndAsync());
                Requests.Enqueue(request);
                var (status, body) = _handler(request);
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/x-amz-json-1.1";
                context.Response.Headers["x-amzn-RequestId"] = "req-" + Requests.Count;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }

    /// <summary>Tests that change process environment variables run alone, never beside other tests.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class EnvironmentCollection
    {
        public const string Name = "Process environment";
    }

    /// <summary>Sets environment variables for one test and restores them afterwards.</summary>
    internal sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _saved = new Dictionary<string, string?>();

        public EnvironmentScope Set(string name, string? value)
        {
            if (!_saved.ContainsKey(name))
            {
                _saved[name] = Environment.GetEnvironmentVariable(name);
            }

            Environment.SetEnvironmentVariable(name, value);
            return this;
        }

        public void Dispose()
        {
            foreach (var (name, value) in _saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
