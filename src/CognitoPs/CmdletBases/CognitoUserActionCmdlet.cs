using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// The engine under every per-user cmdlet. It takes users from -Username or the pipeline, checks each one before any
    /// request (input, settings, ShouldProcess), keeps up to -ThrottleLimit requests in flight, and writes each user's
    /// outcome (its output, or one error record) in input order, with progress and a closing summary line.
    /// A subclass says what it does (texts), sends one user's request, and turns a success into output.
    /// <para>
    /// Its promises: a slow or stalled request holds only its own slot (results wait in a reorder buffer, which is far
    /// larger than the in-flight limit); after an early stop (-ErrorAction Stop, a terminating error, a downstream
    /// Select-Object -First, a failing later command) no new request starts, and every request already sent is still
    /// reported: as output or an error record, or as a warning where the pipeline can no longer take it.
    /// </para>
    /// </summary>
    public abstract class CognitoUserActionCmdlet : CognitoPoolCmdlet
    {
        /// <summary>
        /// Finished users wait here for those ahead of them in input order. Far more than the in-flight limit, so that a
        /// stalled request holds only its own slot, yet bounded, so that memory stays flat over any number of users.
        /// </summary>
        private const int MinReorderCapacity = 1024;
        private const int ReorderCapacityPerSlot = 64;

        /// <summary>How long Dispose waits for cancelled requests to finish before it releases their secrets anyway.</summary>
        private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(10);

        private static readonly string?[] NoGroup = { null };
        private readonly Queue<PendingUser> _inputOrder = new Queue<PendingUser>();
        private readonly SemaphoreSlim _requestFinished = new SemaphoreSlim(0);
        private int _inFlight;
        private int _failuresUnwritten;
        private bool _errorsStop;
        private BulkProgress? _progress;
        private ExceptionDispatchInfo? _stoppedBy;
        private ErrorRecord? _stoppingError;
        private bool _outputClosed;
        private bool _errorsClosed;
        private bool _summaryWritten;

        /// <summary>One or more user names (or aliases such as an email, where the pool allows them).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("User", "Email")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [UsernameTransformation("Username", "User", "Email")]
        public virtual string?[]? Username { get; set; }

        /// <summary>Do not ask for confirmation (an explicit -Confirm still asks; -WhatIf is still honoured).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many requests may be in flight at once (1 = one after the other). Results still come in input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 1;

        internal const int MaxThrottleLimit = 64;

        /// <summary>Progress title, e.g. "Disabling Cognito users".</summary>
        protected abstract string Activity { get; }

        /// <summary>What happened to a user, for the summary and messages, e.g. "disabled" ("3 disabled, 0 failed in 0.4 s").</summary>
        protected abstract string Done { get; }

        /// <summary>What the command does to a user, for error messages, e.g. "disable" ("Cannot disable user 'bob' in user pool 'x'").</summary>
        protected abstract string Verb { get; }

        /// <summary>The operation -WhatIf and -Confirm name for this user, e.g. "Disable user".</summary>
        protected abstract string ActionFor(PendingUser user);

        /// <summary>
        /// Starts this user's request and returns it (its result is the reply object, or null). Called on the pipeline
        /// thread: read parameters here, since pipeline-bound ones change with the next input object.
        /// </summary>
        protected abstract Task<object?> Send(PendingUser user, CancellationToken cancellationToken);

        /// <summary>What to write for a user whose request succeeded; null writes nothing.</summary>
        protected abstract object? Output(PendingUser user, object? reply);

        /// <summary>Checks this user's own input before anything is sent; throw <see cref="InputValidationException"/> to refuse it.</summary>
        protected virtual void Check(PendingUser user)
        {
        }

        /// <summary>Readies a user who passed ShouldProcess just before sending (pipeline thread), e.g. makes a password.</summary>
        protected virtual void Prepare(PendingUser user)
        {
        }

        /// <summary>Frees what a user holds (a generated password) when its output will not be written.</summary>
        protected virtual void Release(PendingUser user)
        {
        }

        /// <summary>The -Verbose line for a success.</summary>
        protected virtual string Succeeded(PendingUser user) => $"{Capitalized(Done)} {user.Target}.";

        /// <summary>
        /// For membership cmdlets: the groups (a -GroupName parameter, command line or piped) each user is sent with, one
        /// request per user and group. Null: one request per user, about no group.
        /// </summary>
        protected virtual string?[]? GroupsForEachUser => null;

        protected override bool AdaptsToThrottling => ThrottleLimit > 1;

        /// <summary>For a Task without a result: the shape <see cref="Send"/> returns.</summary>
        protected static async Task<object?> WithoutReply(Task call)
        {
            await call.ConfigureAwait(false);
            return null;
        }

        /// <summary>For a Task with a reply: the shape <see cref="Send"/> returns.</summary>
        protected static async Task<object?> WithReply<T>(Task<T> call) => await call.ConfigureAwait(false);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();

            // With -ErrorAction Stop any failure ends the command, so none may be followed by a new request.
            _errorsStop = LanguagePrimitives.TryConvertTo<ActionPreference>(ErrorActionPreferenceOfCommand(), out var errorAction) && errorAction == ActionPreference.Stop;

            // A list given on the command line has a known length, so progress can show a percentage.
            var total = MyInvocation.BoundParameters.ContainsKey(nameof(Username)) ? Username?.Length * (GroupsForEachUser?.Length ?? 1) : null;
            _progress = new BulkProgress(Activity, total, ProgressWanted);
        }

        protected override void ProcessRecord()
        {
            var groups = GroupsForEachUser;
            var groupsShared = !IsFromPipeline("GroupName", groups);
            foreach (var username in Username ?? new string?[] { null })
            {
                foreach (var group in groups ?? NoGroup)
                {
                    Submit(username, group, groupsShared);
                }
            }
        }

        protected override void EndProcessing()
        {
            WriteAll();
            WriteSummary();
            ThrowIfStopped();
        }

        /// <summary>
        /// Runs once the command is cancelled (see <see cref="CognitoCmdlet.Dispose(bool)"/>): waits for the requests in
        /// flight to finish (a reply that arrives meanwhile is still read, and checked against the user's secret), and
        /// only then releases what was not written (Ctrl+C, a later command that failed, a bug). A secret released
        /// first could be read after its release.
        /// </summary>
        protected override void AfterCancel()
        {
            var inFlight = new List<Task>();
            foreach (var user in _inputOrder)
            {
                if (user.Request != null)
                {
                    inFlight.Add(user.Request);
                }
            }

            try
            {
                Task.WaitAll(inFlight.ToArray(), DrainLimit);
            }
            catch (AggregateException)
            {
                // The command has ended: nobody is left to report these failures.
            }

            while (_inputOrder.Count > 0)
            {
                Release(_inputOrder.Dequeue());
            }
        }

        /// <summary>Group names given on the command line: a bad one would fail every user, so it stops the command first.</summary>
        protected void CheckCommandLineGroups(string?[] groupNames)
        {
            try
            {
                foreach (var groupName in groupNames)
                {
                    InputValidation.CheckGroupName(groupName, fromCommandLine: true);
                }
            }
            catch (InputValidationException ex)
            {
                Report(ex, $"Cannot {Verb} users", null, UserPoolId, settingsShared: true);
            }
        }

        /// <summary>Checks one user on the pipeline thread, then starts its request as soon as a slot is free.</summary>
        private void Submit(string? username, string? groupName, bool groupShared)
        {
            var user = new PendingUser(username, CurrentPoolId, PoolShared, groupName, groupShared);
            try
            {
                var pool = ResolveCurrentPool();
                InputValidation.CheckUsername(username, fromCommandLine: false);
                if (GroupsForEachUser != null)
                {
                    InputValidation.CheckGroupName(groupName, fromCommandLine: false);
                }

                Check(user);
                if (!ShouldProcess(user.Target, ActionFor(user), Force))
                {
                    _progress!.Skip(this);
                    return;
                }

                user.Client = pool.Client;
                user.EndpointUrl = pool.EndpointUrl;
                WaitForRoom();
                Prepare(user);
                user.Request = Track(Send(user, StopToken));
            }
            catch (CognitoException ex)
            {
                user.Failure = ex;
                Interlocked.Increment(ref _failuresUnwritten);
            }

            _inputOrder.Enqueue(user);
            WriteFinished();
        }

        /// <summary>
        /// Waits until another request may start: fewer than -ThrottleLimit in flight, and room in the reorder buffer.
        /// A failure that will end the command stops it here, even before its turn to be written: no request starts after it.
        /// </summary>
        private void WaitForRoom()
        {
            var reorderCapacity = Math.Max(MinReorderCapacity, ThrottleLimit * ReorderCapacityPerSlot);
            while (true)
            {
                WriteFinished();
                if (StopIsAhead())
                {
                    EndEarly();
                }

                if (Volatile.Read(ref _inFlight) < ThrottleLimit && _inputOrder.Count < reorderCapacity)
                {
                    return;
                }

                if (_inputOrder.Count >= reorderCapacity)
                {
                    WaitUntilDone(_inputOrder.Peek());
                }
                else
                {
                    WaitForAnyRequest();
                }
            }
        }

        /// <summary>True when a user not yet written failed in a way that ends the command (a terminating error, or any error under -ErrorAction Stop).</summary>
        private bool StopIsAhead()
        {
            if (Volatile.Read(ref _failuresUnwritten) == 0)
            {
                return false;
            }

            foreach (var user in _inputOrder)
            {
                var failure = user.IsDone ? user.Failure ?? user.Request?.Exception?.GetBaseException() : null;
                if (failure != null && (_errorsStop || EndsTheCommand(user, failure)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A terminating error (nothing else can succeed), or a bug; decided once per user.</summary>
        private bool EndsTheCommand(PendingUser user, Exception failure)
        {
            if (user.EndsTheCommand is null)
            {
                var terminating = !CognitoErrorMap.IsReportable(failure);
                if (!terminating)
                {
                    CognitoErrorMap.ToErrorRecord(failure, FailureContextFor(user), out terminating);
                }

                user.EndsTheCommand = terminating;
            }

            return user.EndsTheCommand.Value;
        }

        private Task<object?> Track(Task<object?> request)
        {
            Interlocked.Increment(ref _inFlight);
            request.ContinueWith(
                finished =>
                {
                    if (finished.IsFaulted)
                    {
                        _ = finished.Exception; // observed: written in its turn, or, after a stop, by nobody
                        Interlocked.Increment(ref _failuresUnwritten);
                    }

                    Interlocked.Decrement(ref _inFlight);
                    _requestFinished.Release();
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return request;
        }

        /// <summary>Writes the outcomes at the head of the input order that are already known, without waiting; ends the command after an early stop.</summary>
        private void WriteFinished()
        {
            WritePendingMessages();
            while (_inputOrder.Count > 0 && _inputOrder.Peek().IsDone)
            {
                Write(_inputOrder.Dequeue());
            }

            if (_stoppedBy != null || _stoppingError != null)
            {
                EndEarly();
            }
        }

        /// <summary>No new request starts: reports every one already sent, then stops the command.</summary>
        private void EndEarly()
        {
            WriteAll();
            WriteSummary();
            ThrowIfStopped();
        }

        private void WriteAll()
        {
            while (_inputOrder.Count > 0)
            {
                WaitUntilDone(_inputOrder.Peek());
                Write(_inputOrder.Dequeue());
            }
        }

        private void WaitUntilDone(PendingUser user)
        {
            while (!user.IsDone)
            {
                WaitForAnyRequest();
            }
        }

        /// <summary>Waits for some request to finish, writing the client's messages meanwhile (Write* is for this thread only).</summary>
        private void WaitForAnyRequest()
        {
            while (!_requestFinished.Wait(MessagePollInterval))
            {
                WritePendingMessages();
                if (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }

            WritePendingMessages();
        }

        /// <summary>Writes one user's outcome: output, an error record, or a warning where the pipeline can no longer take either.</summary>
        private void Write(PendingUser user)
        {
            object? reply = null;
            var failure = user.Failure;
            if (failure is null && user.Request != null)
            {
                try
                {
                    reply = user.Request.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                {
                    Release(user);
                    throw new PipelineStoppedException();
                }
                catch (CognitoException ex)
                {
                    failure = ex;
                }
                catch (Exception ex)
                {
                    // A bug, not a Cognito answer: report the others, then let it surface as what it is.
                    Interlocked.Decrement(ref _failuresUnwritten);
                    Release(user);
                    StopWith(ExceptionDispatchInfo.Capture(ex));
                    return;
                }
            }

            if (failure is null)
            {
                WriteSuccess(user, reply);
            }
            else
            {
                Interlocked.Decrement(ref _failuresUnwritten);
                WriteFailure(user, failure);
            }
        }

        private void WriteSuccess(PendingUser user, object? reply)
        {
            _progress!.Success(this);
            WriteVerbose(Succeeded(user));
            var output = Output(user, reply);
            if (output is null)
            {
                return;
            }

            if (!_outputClosed)
            {
                try
                {
                    WriteObject(output, enumerateCollection: output is System.Collections.IList); // a listing per user (devices, events) writes each item
                }
                catch (Exception ex) when (!StopToken.IsCancellationRequested)
                {
                    // A later command took this object and then stopped the pipeline (Select-Object -First does) or
                    // failed on it: no more output can be written, and the command ends with that exception.
                    _outputClosed = true;
                    StopWith(ExceptionDispatchInfo.Capture(ex));
                }

                return;
            }

            Release(user);
            WarnUnwritten(user, Done + ", but the result could not be written");
        }

        private void WriteFailure(PendingUser user, Exception failure)
        {
            _progress!.Failure(this);
            Release(user);
            var record = CognitoErrorMap.ToErrorRecord(failure, FailureContextFor(user), out var terminating);
            if (terminating && _stoppingError is null && _stoppedBy is null)
            {
                // Nothing else can succeed; thrown once the requests already sent are reported.
                _stoppingError = record;
                return;
            }

            if (!_errorsClosed)
            {
                try
                {
                    WriteError(record);
                    return;
                }
                catch (PipelineStoppedException ex) when (!StopToken.IsCancellationRequested)
                {
                    // -ErrorAction Stop: this record is the one that stops the command; later ones become warnings.
                    _errorsClosed = true;
                    StopWith(ExceptionDispatchInfo.Capture(ex));
                    return;
                }
            }

            WarnUnwritten(user, $"failed with {record.FullyQualifiedErrorId} ({record.ErrorDetails.Message}), but the error could not be written");
        }

        private FailureContext FailureContextFor(PendingUser user) =>
            new FailureContext($"Cannot {Verb} {user.Target}", user.Username, user.UserPoolId, user.SettingsShared)
            {
                GroupName = user.GroupName,
                GroupShared = user.GroupShared,
            };

        /// <summary>-ErrorAction if given, else $ErrorActionPreference.</summary>
        private object? ErrorActionPreferenceOfCommand() =>
            MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var given) ? given : GetVariableValue("ErrorActionPreference");

        private void WarnUnwritten(PendingUser user, string outcome)
        {
            _progress!.Unwritten++;
            WriteWarning($"{Capitalized(user.Target)}: {outcome} because the pipeline had stopped.");
        }

        private void StopWith(ExceptionDispatchInfo cause) => _stoppedBy ??= cause;

        private void WriteSummary()
        {
            if (_summaryWritten)
            {
                return;
            }

            _summaryWritten = true;
            _progress!.Complete(this);
            WriteInformation(_progress.Summary(Done), new[] { "CognitoPs", "Summary" });
        }

        private void ThrowIfStopped()
        {
            if (_stoppingError != null)
            {
                ThrowTerminatingError(_stoppingError);
            }

            _stoppedBy?.Throw();
        }

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

        /// <summary>One user on its way: checked, then either refused before sending (<see cref="Failure"/>) or sent (<see cref="Request"/>).</summary>
        protected sealed class PendingUser
        {
            internal PendingUser(string? username, string? userPoolId, bool settingsShared, string? groupName, bool groupShared)
            {
                Username = username;
                UserPoolId = userPoolId;
                SettingsShared = settingsShared;
                GroupName = groupName;
                GroupShared = groupShared;
            }

            /// <summary>Checked (not null or blank) before <see cref="Check"/> runs.</summary>
            public string? Username { get; }

            /// <summary>Checked (a well-formed pool id) before <see cref="Check"/> runs.</summary>
            public string? UserPoolId { get; }

            /// <summary>The pool, region and endpoint came from the command line or the session, not from this piped object.</summary>
            public bool SettingsShared { get; }

            /// <summary>The group this request is about (membership cmdlets); checked like the user name. Otherwise null.</summary>
            public string? GroupName { get; }

            /// <summary>The group came from the command line, so every user is sent with it.</summary>
            public bool GroupShared { get; }

            /// <summary>The client for this user's region and endpoint (set before <see cref="Prepare"/>).</summary>
            public CognitoClient Client { get; internal set; } = null!;

            /// <summary>The endpoint override objects should carry onward; null for AWS's own endpoint.</summary>
            public string? EndpointUrl { get; internal set; }

            /// <summary>The cmdlet's own data for this user (e.g. the attributes it will send, a generated password).</summary>
            public object? State { get; set; }

            /// <summary>How -WhatIf and messages name the user: "user 'bob' in user pool 'eu-west-1_Ab12'" (and ", group 'ops'").</summary>
            public string Target => GroupName is null ? $"user '{Username}' in user pool '{UserPoolId}'" : $"user '{Username}' in user pool '{UserPoolId}', group '{GroupName}'";

            internal Task<object?>? Request { get; set; }

            internal Exception? Failure { get; set; }

            internal bool? EndsTheCommand { get; set; }

            internal bool IsDone => Request is null || Request.IsCompleted;
        }
    }
}
