using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// What every CognitoPs cmdlet shares: the connection parameters and the session default behind them, one client
    /// per region and endpoint, cancellation on Ctrl+C, relaying the client's messages to -Verbose / -Debug on the
    /// pipeline thread, and reporting failures through the one error map.
    /// </summary>
    public abstract class CognitoCmdlet : PSCmdlet, IDisposable
    {
        /// <summary>How often a thread that waits for requests wakes to write the client's messages (Write* is for the pipeline thread only).</summary>
        internal static readonly TimeSpan MessagePollInterval = TimeSpan.FromMilliseconds(50);

        internal const int MaxRetriesLimit = 20;
        internal const int TimeoutSecLimit = 3600;
        internal const double MinRequestsPerSecond = 0.01;
        internal const double MaxRequestsPerSecondLimit = 10000;

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly ConcurrentQueue<ClientMessage> _messages = new ConcurrentQueue<ClientMessage>();
        private readonly ConcurrentQueue<Action> _pipelineThreadWork = new ConcurrentQueue<Action>();
        private readonly Dictionary<string, CognitoClient> _clients = new Dictionary<string, CognitoClient>(StringComparer.Ordinal);
        private HashSet<string> _commandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private CognitoCredentials? _credentials;
        private RequestPacing? _pacing;
        private int _pipelineThread;
        private bool _disposed;

        /// <summary>The process's first CognitoPs command also starts the client's warm-up (<see cref="FirstRequestWarmUp"/>).</summary>
        protected CognitoCmdlet() => FirstRequestWarmUp.StartOnce();

        /// <summary>The AWS region, e.g. eu-west-1. Default: the pool id's prefix, the connected session, AWS_REGION, AWS_DEFAULT_REGION, the profile.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Region { get; set; }

        /// <summary>
        /// A profile of the shared AWS config and credentials files: keys, a role to assume (with source_profile or
        /// credential_source, and mfa_serial), IAM Identity Center (sso_session), credential_process, web identity.
        /// </summary>
        [Parameter]
        public string? ProfileName { get; set; }

        /// <summary>
        /// Credentials given outright: a PSCredential (user name = access key id, password = secret access key), or
        /// temporary credentials with AccessKeyId, SecretAccessKey and SessionToken (the Credentials of Use-STSRole, or of
        /// aws sts assume-role | ConvertFrom-Json), or AWS.Tools credentials.
        /// </summary>
        [Parameter]
        [CredentialTransformation]
        public AccessKeyCredential? Credential { get; set; }

        /// <summary>Another endpoint (a VPC endpoint, an emulator). Plain http is accepted only to this machine.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? EndpointUrl { get; set; }

        /// <summary>How often a throttled, failed (5xx) or unreachable call is tried again, with exponential backoff and jitter.</summary>
        [Parameter]
        [ValidateRange(0, MaxRetriesLimit)]
        public int MaxRetries { get; set; } = 3;

        /// <summary>How long one call may take, from sending it to its answer, before it counts as timed out (and, within -MaxRetries, is tried again).</summary>
        [Parameter]
        [ValidateRange(1, TimeoutSecLimit)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>At most this many requests per second (retries included), evenly spaced, e.g. to stay under a Cognito quota.</summary>
        [Parameter]
        [ValidateRange(MinRequestsPerSecond, MaxRequestsPerSecondLimit)]
        public double MaxRequestsPerSecond { get; set; }

        /// <summary>The connected session (Connect-CognitoUserPool), if any.</summary>
        private protected CognitoSessionDefaults? Session { get; private set; }

        /// <summary>Cancelled by Ctrl+C (StopProcessing) and when the command is disposed, so nothing it started outlives it.</summary>
        protected internal CancellationToken StopToken => _stopping.Token;

        /// <summary>
        /// False when progress is off for this command: -ProgressAction SilentlyContinue, else $ProgressPreference.
        /// Then progress is neither computed nor written.
        /// </summary>
        protected bool ProgressWanted =>
            !Equals(MyInvocation.BoundParameters.TryGetValue("ProgressAction", out var given) ? LanguagePrimitives.ConvertTo<ActionPreference>(given) : GetVariableValue("ProgressPreference"),
                ActionPreference.SilentlyContinue);

        /// <summary>True for commands that send many requests side by side: throttling then lowers one send rate for all of them.</summary>
        protected virtual bool AdaptsToThrottling => false;

        /// <summary>Connect-CognitoUserPool starts afresh instead of inheriting the previous connection.</summary>
        protected virtual bool UsesSessionDefaults => true;

        /// <summary>True where a missing or expired IAM Identity Center sign-in may be renewed on the spot, interactively.</summary>
        protected virtual bool MaySignIn => false;

        protected override void BeginProcessing()
        {
            _pipelineThread = Environment.CurrentManagedThreadId;
            _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            if (MaxRequestsPerSecond > 0)
            {
                _pacing = RequestPacing.PerSecond(MaxRequestsPerSecond);
            }

            Session = UsesSessionDefaults ? CognitoSession.Current : null;
            try
            {
                CurrentSettings().Validate();
            }
            catch (CognitoConfigurationException ex)
            {
                Report(ex, "Cannot connect to Cognito", null, null, settingsShared: true);
            }
        }

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Cancels whatever is still in flight (a command can end without StopProcessing, e.g. when a later command
        /// fails), then lets the subclass finish (<see cref="AfterCancel"/>), then frees the token source.
        /// </summary>
        protected virtual void Dispose(bool disposing)
        {
            if (!disposing || _disposed)
            {
                return;
            }

            _disposed = true;
            _stopping.Cancel();
            AfterCancel();
            _stopping.Dispose();
        }

        /// <summary>
        /// Called by Dispose once the command is cancelled: the place to wait for what the command started and then
        /// release what it held (secrets), in that order.
        /// </summary>
        protected virtual void AfterCancel()
        {
        }

        /// <summary>The connection settings for the current item: parameters (command line or piped object), else the session.</summary>
        protected ConnectionOptions CurrentSettings() => ConnectionSettings.Merge(Region, EndpointUrl, ProfileName, Credential, Session);

        /// <summary>The pool for the current item: the parameter's value, else the connected session's.</summary>
        protected string? PoolIdOrDefault(string? userPoolId) => ConnectionSettings.NonEmpty(userPoolId) ?? Session?.UserPoolId;

        /// <summary>True when the current item's pool, region and endpoint are shared by every item (not brought by a piped object).</summary>
        protected bool SettingsShared(string poolParameter, string? poolValue) =>
            !IsFromPipeline(poolParameter, poolValue) && !IsFromPipeline(nameof(Region), Region) && !IsFromPipeline(nameof(EndpointUrl), EndpointUrl);

        /// <summary>True when the parameter holds a value the current pipeline object brought (pipeline-bound values are reset between objects).</summary>
        protected bool IsFromPipeline(string parameterName, object? value) => value != null && !_commandLine.Contains(parameterName);

        /// <summary>
        /// The pool for the current item, checked (a well-formed id, valid settings, a region that matches the id), and
        /// the way to its client: the preamble of every command about a pool. A bad pool stops the command when
        /// <paramref name="shared"/> (every item uses it), else fails this item alone. Throws what the error map reports.
        /// </summary>
        private protected PoolTarget ResolvePool(string? userPoolId, bool shared)
        {
            InputValidation.CheckUserPoolId(userPoolId, shared);
            var settings = CurrentSettings();
            settings.Validate();
            settings.CheckRegionMatches(userPoolId!, shared);
            return new PoolTarget(userPoolId!, settings, ClientFor);
        }

        /// <summary>
        /// The client for these settings and pool. Credentials are resolved once per command, on the pipeline thread, at
        /// the first client: so -WhatIf needs none, and every request of the command signs with the same ones.
        /// </summary>
        protected CognitoClient ClientFor(ConnectionOptions settings, string? userPoolId)
        {
            var region = settings.ResolveRegion(userPoolId);
            var endpoint = settings.ResolveEndpointOverride() ?? CognitoClient.DefaultEndpoint(region);
            if (userPoolId != null)
            {
                CognitoSession.RememberPool(userPoolId);
            }

            var key = region + " " + endpoint;
            if (!_clients.TryGetValue(key, out var client))
            {
                // The identity is never taken from piped objects, so the first item's credentials serve them all.
                _credentials ??= ResolveCredentials(settings);
                client = new CognitoClient(endpoint, region, _credentials)
                {
                    Retry = new CognitoRetryPolicy { MaxRetries = MaxRetries },
                    CallTimeout = TimeSpan.FromSeconds(TimeoutSec),
                    Pacing = _pacing,
                    AdaptiveRate = AdaptsToThrottling ? NewAdaptiveRate(endpoint.Host) : null,
                };
                client.Message += _messages.Enqueue;
                _clients[key] = client;
            }

            return client;
        }

        /// <summary>
        /// The command's credentials, resolved now, before its first request: where they come from is settled here (a
        /// role assumed, an MFA code asked, an IAM Identity Center sign-in read or renewed), and every failure is one error
        /// record. The work runs off the pipeline thread, which meanwhile answers the host questions it raises (and Ctrl+C).
        /// </summary>
        private CognitoCredentials ResolveCredentials(ConnectionOptions settings)
        {
            var credentials = SessionCredentials.For(settings);
            var prompts = new HostCredentialPrompts(this, MaySignIn);
            Await(Task.Run(() => credentials.ResolveFor(prompts)));
            SessionCredentials.Keep(settings, credentials);
            WriteVerbose($"Signing requests with the credentials of {credentials.Source}.");
            return credentials;
        }

        /// <summary>
        /// Runs <paramref name="work"/> on the pipeline thread, the one thread that may use the host, and returns its result:
        /// at once when called there, else the next time that thread waits for requests (it checks every
        /// <see cref="MessagePollInterval"/>). Ctrl+C ends the wait.
        /// </summary>
        internal T OnPipelineThread<T>(Func<T> work)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThread)
            {
                return work();
            }

            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pipelineThreadWork.Enqueue(() =>
            {
                try
                {
                    done.SetResult(work());
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            });
            return done.Task.WaitAsync(StopToken).GetAwaiter().GetResult();
        }

        private AdaptiveSendRate NewAdaptiveRate(string host)
        {
            var rate = new AdaptiveSendRate(MonotonicClock.Seconds);
            rate.RateCut += (perSecond, accepted) => _messages.Enqueue(new ClientMessage(MessageLevel.Verbose,
                $"{host} is throttling: sending at most {perSecond:0.#} requests/s for now (it accepted {accepted} in the last second), then faster again."));
            return rate;
        }

        /// <summary>
        /// Waits for <paramref name="operation"/> on the pipeline thread, writing the client's messages as they come
        /// (Write* may only be called from this thread). Rethrows the operation's own exception.
        /// </summary>
        protected T Await<T>(Task<T> operation)
        {
            Await((Task)operation);
            return operation.Result;
        }

        /// <inheritdoc cref="Await{T}(Task{T})"/>
        protected void Await(Task operation)
        {
            try
            {
                while (!((IAsyncResult)operation).AsyncWaitHandle.WaitOne(MessagePollInterval))
                {
                    WritePendingMessages();
                }

                WritePendingMessages();
                operation.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// ShouldProcess, except that -Force skips confirmation prompts (from a low $ConfirmPreference) —
        /// never -WhatIf, and an explicit -Confirm still asks.
        /// </summary>
        protected bool ShouldProcess(string target, string action, bool force)
        {
            var confirmRequested = MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && LanguagePrimitives.IsTrue(confirm);
            var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIfSwitch)
                ? LanguagePrimitives.IsTrue(whatIfSwitch)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
            return (force && !confirmRequested && !whatIf) || ShouldProcess(target, action);
        }

        /// <summary>
        /// Streams one listing: each page's items are written as the page arrives, <paramref name="paging"/> counts -Skip
        /// and -First across the whole command, and no page is asked for once -First is met. Every token is followed,
        /// through empty and short pages. <paramref name="keep"/> filters items here (pages then thin out, so they are
        /// asked for whole); <paramref name="afterPage"/> sees each page's token. Returns true when the listing ran to its end.
        /// </summary>
        private protected bool WritePages<T>(
            Func<string?, int, Task<Page<T>>> fetch, Action<T> write, PagingCounter paging, Func<T, bool>? keep = null, Action<string?>? afterPage = null)
        {
            string? token = null;
            do
            {
                Page<T> page;
                using (CognitoClient.SendInline())   // one page at a time: nothing else needs this thread meanwhile
                {
                    page = Await(fetch(token, keep is null ? paging.PageSize : PagingCounter.MaxPageSize));
                }

                foreach (var item in page.Items)
                {
                    if (keep is null || keep(item))
                    {
                        paging.Offer(() => write(item));
                    }
                }

                token = page.NextToken;
                afterPage?.Invoke(token);
            }
            while (token != null && paging.WantsMore);

            return token is null;
        }

        /// <summary>Writes the record; stops the command when the failure leaves nothing else that could succeed.</summary>
        protected void Report(Exception failure, string activity, string? username, string? userPoolId, bool settingsShared) =>
            Report(failure, new FailureContext(activity, username, userPoolId, settingsShared));

        /// <inheritdoc cref="Report(Exception, string, string?, string?, bool)"/>
        private protected void Report(Exception failure, FailureContext context)
        {
            var record = CognitoErrorMap.ToErrorRecord(failure, context, out var terminating);
            if (terminating)
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }

        /// <summary>
        /// Writes what the client has to say so far (it queues messages from any thread), and does the host work other
        /// threads asked for (<see cref="OnPipelineThread{T}"/>). Pipeline thread only.
        /// </summary>
        protected void WritePendingMessages()
        {
            while (_pipelineThreadWork.TryDequeue(out var work))
            {
                work();
            }

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
