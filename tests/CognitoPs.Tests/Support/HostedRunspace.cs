using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace CognitoPs.Tests
{
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
