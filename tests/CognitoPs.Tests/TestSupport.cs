using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
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

    /// <summary>
    /// AWSSDK.Core reads the shared credentials/config file locations once per process and keeps what it found, so the
    /// whole test process uses the same two files, set before any test runs: one profile, 'admin', and no 'default'.
    /// (This also keeps a developer's own ~/.aws out of the tests.)
    /// </summary>
    internal static class TestProfiles
    {
        public static string CredentialsFile { get; private set; } = "";

        public static string ConfigFile { get; private set; } = "";

        [System.Runtime.CompilerServices.ModuleInitializer]
        internal static void WriteAndUse()
        {
            var dir = Directory.CreateTempSubdirectory("cognitops-profiles").FullName;
            CredentialsFile = Path.Combine(dir, "credentials");
            ConfigFile = Path.Combine(dir, "config");
            File.WriteAllText(CredentialsFile, "[admin]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n");
            File.WriteAllText(ConfigFile, "[profile admin]\nregion = eu-north-1\n");
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

            // The loopback servers' handlers block (Thread.Sleep) to play a slow service; on a 2-core machine the
            // thread pool would add threads for them slowly and the server, not the client, would limit concurrency.
            System.Threading.ThreadPool.SetMinThreads(64, 64);
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

    /// <summary>
    /// A runspace with the module imported and $url (a loopback server) and $cred (a test key) set, for running
    /// cmdlets as an admin would and collecting every stream.
    /// </summary>
    internal sealed class HostedRunspace : IDisposable
    {
        private readonly Runspace _runspace;

        public HostedRunspace(string url)
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            _runspace.Open();
            SetVariable("url", url);
            SetVariable("cred", new PSCredential("AKIDTEST", Secrets.Secure("test-secret")));
            Run($"Import-Module '{typeof(CognitoPs.Commands.CognitoCmdlet).Assembly.Location}'");
        }

        public sealed class Result
        {
            public List<PSObject> Output { get; } = new List<PSObject>();

            public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();

            public List<string> Messages { get; } = new List<string>();

            public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();

            /// <summary>The error that ended the script (caught by try/catch), if any: terminating errors, and -ErrorAction Stop.</summary>
            public ErrorRecord? Terminating { get; set; }
        }

        public void SetVariable(string name, object value) => _runspace.SessionStateProxy.SetVariable(name, value);

        /// <summary>Starts a script without waiting, for tests that stop it midway as Ctrl+C would.</summary>
        public PowerShell Start(string script)
        {
            var shell = PowerShell.Create();
            shell.Runspace = _runspace;
            shell.AddScript(script);
            shell.BeginInvoke();
            return shell;
        }

        public Result Run(string script)
        {
            using var shell = PowerShell.Create();
            shell.Runspace = _runspace;
            // Only a terminating error (or one made so by -ErrorAction Stop) reaches catch; WriteError does not.
            shell.AddScript("$terminating = $null; try { " + script + " } catch { $terminating = $_ }");
            var result = new Result();
            result.Output.AddRange(shell.Invoke());
            result.Terminating = PSObject.AsPSObject(_runspace.SessionStateProxy.GetVariable("terminating") ?? new object()).BaseObject as ErrorRecord;
            result.Errors.AddRange(shell.Streams.Error);
            result.Messages.AddRange(shell.Streams.Verbose.Select(v => v.Message));
            result.Messages.AddRange(shell.Streams.Debug.Select(d => d.Message));
            result.Messages.AddRange(shell.Streams.Warning.Select(w => w.Message));
            result.Messages.AddRange(shell.Streams.Information.Select(i => i.ToString()));
            result.Progress.AddRange(shell.Streams.Progress);
            return result;
        }

        public void Dispose() => _runspace.Dispose();
    }
}
