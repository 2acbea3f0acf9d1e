using System;
using System.Collections.Generic;
using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Cognito users: one by name (AdminGetUser), or a filtered, streamed list (ListUsers).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(CognitoUser))]
    [CognitoOperations(nameof(CognitoOperation.ListUsers), nameof(CognitoOperation.AdminGetUser), Occasional = new[] { nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class GetCognitoUserCommand : CognitoPoolCmdlet
    {
        private const string ListSet = "List";
        private const string ByNameSet = "ByName";
        private PagingCounter? _paging;
        private bool _listIncomplete;
        private BulkProgress? _progress;
        private readonly Dictionary<string, DateTime> _invitationCutoffs = new Dictionary<string, DateTime>(StringComparer.Ordinal);

        /// <summary>One or more user names (or aliases): each is read with AdminGetUser.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByNameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("User")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [UsernameTransformation("Username", "User")]
        public string?[]? Username { get; set; }

        /// <summary>A raw ListUsers filter, e.g. 'family_name ^= "Sm"'. Friendly parameters given with it are checked on each user.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public string? Filter { get; set; }

        /// <summary>Users whose email is exactly this (compared case-insensitively when checked locally).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public string? Email { get; set; }

        /// <summary>Users with this status.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public CognitoUserStatus? Status { get; set; }

        /// <summary>Users whose user name starts with this (case-sensitive).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public string? UsernamePrefix { get; set; }

        /// <summary>Only enabled users.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Enabled { get; set; }

        /// <summary>Only disabled users.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Disabled { get; set; }

        /// <summary>
        /// Requests in flight for a whole-pool listing (no server-side filter, no -First): above 1, the pool is read as 16
        /// disjoint sub-prefix partitions side by side, each user exactly once but in no promised order.
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, CognitoUserActionCmdlet.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 1;

        /// <summary>
        /// Users whose invitation has expired: FORCE_CHANGE_PASSWORD and created longer ago than the pool's temporary
        /// password validity (read once per pool). They cannot use "forgot password"; pipe them to Send-CognitoUserInvitation.
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter InvitationExpired { get; set; }

        /// <summary>Users created before this time (checked on each user: Cognito cannot filter on dates).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? CreatedBefore { get; set; }

        /// <summary>Users created after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? CreatedAfter { get; set; }

        /// <summary>Users last modified before this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? ModifiedBefore { get; set; }

        /// <summary>Users last modified after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? ModifiedAfter { get; set; }

        protected override bool AdaptsToThrottling => ThrottleLimit > 1;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _progress = new BulkProgress("Listing Cognito users", null, ProgressWanted);
            _paging = new PagingCounter(PagingParameters);
            if (Enabled && Disabled)
            {
                Report(new InputValidationException("ConflictingStatusFilter", "Specify -Enabled or -Disabled, not both.", null, terminating: true),
                    "Cannot list users", null, UserPoolId, settingsShared: true);
            }

            if (InvitationExpired && Status != null && Status != CognitoUserStatus.FORCE_CHANGE_PASSWORD)
            {
                Report(new InputValidationException("ConflictingStatusFilter",
                        $"-InvitationExpired finds users in status FORCE_CHANGE_PASSWORD; it cannot be combined with -Status {Status}.", null, terminating: true),
                    "Cannot list users", null, UserPoolId, settingsShared: true);
            }
        }

        protected override void ProcessRecord()
        {
            var userPoolId = CurrentPoolId;
            var shared = PoolShared;
            if (ParameterSetName == ByNameSet)
            {
                foreach (var username in Username ?? new string?[] { null })
                {
                    GetOne(userPoolId, username, shared);
                }
            }
            else
            {
                List(userPoolId, shared);
            }
        }

        protected override void EndProcessing()
        {
            _progress!.Complete(this);
            if (ParameterSetName == ListSet && PagingParameters.IncludeTotalCount)
            {
                // Exact only when the listing ran to its end; -First may stop it early.
                WriteObject(PagingParameters.NewTotalCount(_paging!.Matched, _listIncomplete ? 0.0 : 1.0));
            }
        }

        private void GetOne(string? userPoolId, string? username, bool shared)
        {
            try
            {
                var pool = ResolveCurrentPool();
                InputValidation.CheckUsername(username, fromCommandLine: false);
                var user = Await(pool.Client.AdminGetUserAsync(pool.UserPoolId, username!, StopToken));
                WriteObject(new CognitoUser(user, pool.UserPoolId, pool.Client.Region, pool.EndpointUrl));
            }
            catch (CognitoException ex)
            {
                Report(ex, $"Cannot get user '{username}' in user pool '{userPoolId}'", username, userPoolId, shared);
            }
        }

        /// <summary>Streams ListUsers pages: each page's users are written as it arrives, and requests stop once -First is met.</summary>
        private void List(string? userPoolId, bool shared)
        {
            try
            {
                var pool = ResolveCurrentPool();
                var createdBefore = CreatedBefore;
                if (InvitationExpired)
                {
                    var cutoff = InvitationCutoff(pool);
                    createdBefore = createdBefore is DateTime given && given.ToUniversalTime() < cutoff ? given : cutoff;
                }

                var query = new UserQuery(Filter, Email, UsernamePrefix, InvitationExpired ? CognitoUserStatus.FORCE_CHANGE_PASSWORD : Status,
                    Enabled ? true : Disabled ? false : (bool?)null,
                    new DateWindow(CreatedAfter, createdBefore), new DateWindow(ModifiedAfter, ModifiedBefore));
                var client = pool.Client;
                WriteVerbose($"Listing users of user pool '{userPoolId}'" + (query.ServerFilter is null ? "." : $" with filter: {query.ServerFilter}"));

                var complete = ListUsers(pool, query.ServerFilter, ThrottleLimit, _paging!, query.HasClientSideCriteria ? query.Matches : (Func<UserRecord, bool>?)null,
                    user =>
                    {
                        _progress!.Success(this);
                        WriteObject(new CognitoUser(user, pool.UserPoolId, client.Region, pool.EndpointUrl));
                    },
                    more =>
                    {
                        if (more && _progress!.Total is null && WantsEstimate(query))
                        {
                            _progress.Total = EstimatedUsers(client, pool.UserPoolId);
                        }
                    });
                _listIncomplete |= !complete;
            }
            catch (CognitoException ex)
            {
                Report(ex, $"Cannot list the users of user pool '{userPoolId}'", null, userPoolId, shared);
            }
        }

        /// <summary>The moment before which a still-unused invitation to this pool has expired, from one DescribeUserPool per pool.</summary>
        private DateTime InvitationCutoff(PoolTarget pool)
        {
            var key = pool.Client.Region + "|" + pool.EndpointUrl + "|" + pool.UserPoolId;
            if (!_invitationCutoffs.TryGetValue(key, out var cutoff))
            {
                var days = Await(pool.Client.DescribeUserPoolAsync(pool.UserPoolId, StopToken)).InvitationValidityDays;
                WriteVerbose($"Invitations to user pool '{pool.UserPoolId}' are valid for {days} day(s).");
                cutoff = DateTime.UtcNow.AddDays(-days);
                _invitationCutoffs[key] = cutoff;
            }

            return cutoff;
        }

        /// <summary>
        /// A percentage needs the pool's size: worth one DescribeUserPool only for a long, unfiltered, unbounded listing
        /// that someone watches (more than one page, no filter, no -First, progress shown).
        /// </summary>
        private bool WantsEstimate(UserQuery query) =>
            _progress!.Shown && query.ServerFilter is null && !query.HasClientSideCriteria && PagingParameters.First == ulong.MaxValue;

        private int EstimatedUsers(CognitoClient client, string userPoolId)
        {
            const int Unknown = -1; // known to be unknown: do not ask again
            try
            {
                var estimate = Await(client.DescribeUserPoolAsync(userPoolId, StopToken)).EstimatedNumberOfUsers ?? 0;
                return estimate > 0 ? estimate : Unknown;
            }
            catch (CognitoException ex)
            {
                // Progress is a nicety: a role that may list users but not describe the pool still gets its users.
                WriteVerbose($"No size estimate for user pool '{userPoolId}' ({ex.Message}); progress shows no percentage.");
                return Unknown;
            }
        }
    }
}
