using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets Cognito users' passwords (AdminSetUserPassword), temporary by default, up to -ThrottleLimit at a time.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "CognitoUserPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = GivenPasswordSet)]
    [OutputType(typeof(CognitoUserPasswordResult))]
    public sealed class SetCognitoUserPasswordCommand : CognitoCmdlet
    {
        private const string GivenPasswordSet = "Password";
        private const string GeneratedPasswordSet = "GeneratePassword";

        // Started requests, oldest first. Results are written from the head only, so output keeps input order.
        private readonly Queue<PendingUser> _pending = new Queue<PendingUser>();
        private readonly Dictionary<string, PasswordPolicy> _policies = new Dictionary<string, PasswordPolicy>(StringComparer.Ordinal);
        private PasswordGenerator? _generator;
        private BulkProgress? _progress;

        /// <summary>The user pool id, e.g. eu-west-1_Ab12CdE3f. Binds from a UserPoolId property of piped objects; default: the connected pool.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? UserPoolId { get; set; }

        /// <summary>One or more user names (or aliases such as an email, where the pool allows them).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("User", "Email")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [UsernameTransformation("Username", "User", "Email")]
        public string?[]? Username { get; set; }

        /// <summary>The new password. Deliberately not bound from the pipeline: a plain-text column would be echoed in the binding error.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GivenPasswordSet)]
        public SecureString Password { get; set; } = null!;

        /// <summary>A unique random password per user that meets the pool's policy, returned only in the -PassThru object's Password.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GeneratedPasswordSet)]
        public SwitchParameter GeneratePassword { get; set; }

        /// <summary>Set the password as permanent (status CONFIRMED). Without it the password is temporary (FORCE_CHANGE_PASSWORD).</summary>
        [Parameter]
        public SwitchParameter Permanent { get; set; }

        /// <summary>Write a result object for each user whose password was set.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Do not ask for confirmation (an explicit -Confirm still asks; -WhatIf is still honoured).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many requests may be in flight at once (1 = one after the other). Results still come in input order.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                if (GeneratePassword && !PassThru)
                {
                    throw new InputValidationException("GeneratedPasswordNeedsPassThru",
                        "-GeneratePassword returns each new password only in the -PassThru object; add -PassThru, or the passwords are lost.", null, terminating: true);
                }

                if (!GeneratePassword)
                {
                    InputValidation.CheckPassword(Password);
                }

                if (MyInvocation.BoundParameters.ContainsKey(nameof(UserPoolId)))
                {
                    InputValidation.CheckUserPoolId(UserPoolId, shared: true);
                    CurrentSettings().CheckRegionMatches(UserPoolId!, settingsShared: true);
                }
            }
            catch (InputValidationException ex)
            {
                Report(ex, "Cannot set passwords", null, UserPoolId, settingsShared: true);
            }

            // A list given on the command line has a known length, so progress can show a percentage.
            var total = MyInvocation.BoundParameters.ContainsKey(nameof(Username)) ? Username?.Length : null;
            _progress = new BulkProgress("Setting Cognito user passwords", total, ProgressWanted);
        }

        protected override void ProcessRecord()
        {
            foreach (var username in Username ?? new string?[] { null })
            {
                Start(username);
                WriteFinishedResults();
            }
        }

        protected override void EndProcessing()
        {
            while (_pending.Count > 0)
            {
                CompleteOldest();
            }

            _progress!.Complete(this);
            WriteInformation(_progress.Summary("set"), new[] { "CognitoPs", "Summary" });
            _generator?.Dispose();
        }

        /// <summary>Checks one user on the pipeline thread (validation, ShouldProcess) and starts its request.</summary>
        private void Start(string? username)
        {
            var userPoolId = PoolIdOrDefault(UserPoolId);
            var shared = SettingsShared(nameof(UserPoolId), UserPoolId);
            var user = new PendingUser(username, userPoolId, shared);
            try
            {
                InputValidation.CheckUserPoolId(userPoolId, shared);
                var settings = CurrentSettings();
                settings.Validate();
                settings.CheckRegionMatches(userPoolId!, shared);
                InputValidation.CheckUsername(username, fromCommandLine: false);

                var action = Permanent ? "Set permanent password" : "Set temporary password (must be changed at next sign-in)";
                if (!ShouldProcess($"user '{username}' in user pool '{userPoolId}'", action, Force))
                {
                    _progress!.Skip(this);
                    return;
                }

                var client = ClientFor(settings, userPoolId);
                user.Region = client.Region;
                user.GeneratedPassword = GeneratePassword ? NewPasswordFor(client, userPoolId!) : null;
                while (_pending.Count >= ThrottleLimit)
                {
                    CompleteOldest();
                }

                user.Operation = client.AdminSetUserPasswordAsync(userPoolId!, username!, user.GeneratedPassword ?? Password, Permanent, StopToken);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                user.Failure = ex;
            }

            _pending.Enqueue(user);
            if (user.Failure != null && StopsTheCommand(user))
            {
                // Start nothing more: finish what is in flight, then stop with this error (CompleteOldest throws it).
                while (_pending.Count > 0)
                {
                    CompleteOldest();
                }
            }
        }

        private static bool StopsTheCommand(PendingUser user)
        {
            CognitoErrorMap.ToErrorRecord(user.Failure!, "", user.Username, user.UserPoolId, user.SettingsShared, out var terminating);
            return terminating;
        }

        /// <summary>Writes the results at the head of the queue that are already known, without waiting.</summary>
        private void WriteFinishedResults()
        {
            WritePendingMessages();
            while (_pending.Count > 0 && (_pending.Peek().Operation?.IsCompleted ?? true))
            {
                CompleteOldest();
            }
        }

        /// <summary>Waits for the oldest user and writes its result or error. A terminating failure first lets the others finish.</summary>
        private void CompleteOldest()
        {
            var user = _pending.Dequeue();
            var record = Outcome(user, out var terminating);
            if (record is null)
            {
                return;
            }

            if (terminating)
            {
                // Requests already sent may have worked: report each of them before stopping, so no user goes unaccounted.
                while (_pending.Count > 0)
                {
                    var other = Outcome(_pending.Dequeue(), out _);
                    if (other != null)
                    {
                        WriteError(other);
                    }
                }

                ThrowTerminatingError(record);
            }

            WriteError(record);
        }

        /// <summary>Waits for one user's request; writes its result on success, else returns its error record.</summary>
        private ErrorRecord? Outcome(PendingUser user, out bool terminating)
        {
            terminating = false;
            var failure = user.Failure;
            if (failure is null)
            {
                try
                {
                    Await(user.Operation!);
                    _progress!.Success(this);
                    WriteVerbose($"Set a {(Permanent ? "permanent" : "temporary")} password for user '{user.Username}' in user pool '{user.UserPoolId}'.");
                    if (PassThru)
                    {
                        WriteObject(new CognitoUserPasswordResult(user.UserPoolId!, user.Username!, Permanent, user.Region!, user.GeneratedPassword));
                    }

                    return null;
                }
                catch (Exception ex) when (IsReportable(ex))
                {
                    failure = ex;
                }
            }

            _progress!.Failure(this);
            var activity = $"Cannot set the password of user '{user.Username}' in user pool '{user.UserPoolId}'";
            return CognitoErrorMap.ToErrorRecord(failure, activity, user.Username, user.UserPoolId, user.SettingsShared, out terminating);
        }

        /// <summary>A fresh password for the pool's policy, which is read once per pool (DescribeUserPool).</summary>
        private SecureString NewPasswordFor(CognitoClient client, string userPoolId)
        {
            var key = client.Region + " " + client.Endpoint + " " + userPoolId;
            if (!_policies.TryGetValue(key, out var policy))
            {
                policy = Await(client.DescribeUserPoolAsync(userPoolId, StopToken)).PasswordPolicy ?? new PasswordPolicy();
                _policies[key] = policy;
            }

            _generator ??= new PasswordGenerator();
            return _generator.Generate(policy);
        }

        /// <summary>One user on its way through the queue: either a request in flight, or a failure known before sending.</summary>
        private sealed class PendingUser
        {
            public PendingUser(string? username, string? userPoolId, bool settingsShared)
            {
                Username = username;
                UserPoolId = userPoolId;
                SettingsShared = settingsShared;
            }

            public string? Username { get; }

            public string? UserPoolId { get; }

            public bool SettingsShared { get; }

            public string? Region { get; set; }

            public SecureString? GeneratedPassword { get; set; }

            public Task? Operation { get; set; }

            public Exception? Failure { get; set; }
        }
    }
}
