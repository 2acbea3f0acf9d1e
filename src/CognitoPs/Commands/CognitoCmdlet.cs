using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// What every CognitoPs cmdlet shares: the connection parameters, one client per region, cancellation
    /// on Ctrl+C, and relaying the client's progress messages to -Verbose / -Debug on the pipeline thread.
    /// </summary>
    public abstract class CognitoCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly ConcurrentQueue<ClientMessage> _messages = new ConcurrentQueue<ClientMessage>();
        private readonly Dictionary<string, CognitoClient> _clients = new Dictionary<string, CognitoClient>(StringComparer.Ordinal);
        private AWSCredentials? _credentials;

        /// <summary>The AWS region, e.g. eu-west-1. Default: the pool id's prefix, then AWS_REGION, AWS_DEFAULT_REGION, the profile.</summary>
        [Parameter]
        public string? Region { get; set; }

        /// <summary>A profile from the shared AWS config/credentials files (SSO profiles included).</summary>
        [Parameter]
        public string? ProfileName { get; set; }

        /// <summary>An access key: user name = access key id, password = secret access key.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Another endpoint (a VPC endpoint, an emulator). Plain http is accepted only to this machine.</summary>
        [Parameter]
        public string? EndpointUrl { get; set; }

        internal ConnectionOptions Connection { get; private set; } = new ConnectionOptions();

        protected CancellationToken StopToken => _stopping.Token;

        protected override void BeginProcessing()
        {
            Connection = new ConnectionOptions { Region = Region, ProfileName = ProfileName, Credential = Credential, EndpointUrl = EndpointUrl };
            try
            {
                Connection.Validate();
            }
            catch (CognitoConfigurationException ex)
            {
                ThrowTerminatingError(CognitoErrorMap.ToErrorRecord(ex, "Cannot connect to Cognito", null, null, true, out _));
            }
        }

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();

        /// <summary>The client for the pool's region; credentials are looked up once, on first use (so -WhatIf needs none).</summary>
        protected CognitoClient ClientFor(string userPoolId)
        {
            var region = Connection.ResolveRegion(userPoolId);
            if (!_clients.TryGetValue(region, out var client))
            {
                _credentials ??= Connection.ResolveCredentials();
                client = new CognitoClient(Connection.ResolveEndpointOverride() ?? CognitoClient.DefaultEndpoint(region), region, _credentials);
                client.Message += _messages.Enqueue;
                _clients[region] = client;
            }

            return client;
        }

        /// <summary>
        /// Waits for <paramref name="operation"/> on the pipeline thread, writing the client's messages as they come
        /// (Write* may only be called from this thread). Rethrows the operation's own exception.
        /// </summary>
        protected void Await(Task operation)
        {
            try
            {
                while (!((IAsyncResult)operation).AsyncWaitHandle.WaitOne(TimeSpan.FromMilliseconds(50)))
                {
                    WriteClientMessages();
                }

                WriteClientMessages();
                operation.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// ShouldProcess, except that -Force skips confirmation prompts (from -Confirm's absence with a low
        /// $ConfirmPreference) — never -WhatIf, and an explicit -Confirm still asks.
        /// </summary>
        protected bool ShouldProcess(string target, string action, bool force)
        {
            var confirmRequested = MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && LanguagePrimitives.IsTrue(confirm);
            var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIfSwitch)
                ? LanguagePrimitives.IsTrue(whatIfSwitch)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
            return (force && !confirmRequested && !whatIf) || ShouldProcess(target, action);
        }

        /// <summary>Writes the record; stops the command when the failure leaves nothing else that could succeed.</summary>
        protected void Report(Exception failure, string activity, string? username, string? userPoolId, bool poolFromCommandLine)
        {
            var record = CognitoErrorMap.ToErrorRecord(failure, activity, username, userPoolId, poolFromCommandLine, out var terminating);
            if (terminating)
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }

        private void WriteClientMessages()
        {
            while (_messages.TryDequeue(out var message))
            {
                if (message.Level == MessageLevel.Debug)
                {
                    WriteDebug(message.Text);
                }
                else
                {
                    WriteVerbose(message.Text);
                }
            }
        }
    }
}
