using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Cognito groups: every group of the pool (ListGroups), groups by name with wildcards (GetGroup), or a user's groups (AdminListGroupsForUser).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoGroup", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(CognitoGroup))]
    [CognitoOperations(nameof(CognitoOperation.ListGroups), nameof(CognitoOperation.GetGroup), nameof(CognitoOperation.AdminListGroupsForUser), Occasional = new[] { nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class GetCognitoGroupCommand : CognitoPoolCmdlet
    {
        private const string ListSet = "List";
        private const string ByNameSet = "ByName";
        private const string ForUserSet = "ForUser";
        private readonly Dictionary<string, IReadOnlyList<GroupRecord>> _allGroups = new Dictionary<string, IReadOnlyList<GroupRecord>>(StringComparer.Ordinal);
        private PagingCounter? _paging;

        /// <summary>Group names; wildcards (* ?) match the pool's groups, case-insensitively. Binds from GroupName properties.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        public string[] GroupName { get; set; } = Array.Empty<string>();

        /// <summary>The groups this user belongs to. Binds from Username properties: Get-CognitoUser alice | Get-CognitoGroup.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ForUserSet, ValueFromPipelineByPropertyName = true)]
        [Alias("User")]
        public string Username { get; set; } = "";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _paging = new PagingCounter(PagingParameters);
        }

        protected override void ProcessRecord()
        {
            var shared = PoolShared;
            var userPoolId = CurrentPoolId;
            switch (ParameterSetName)
            {
                case ByNameSet:
                    foreach (var name in GroupName)
                    {
                        GetByName(userPoolId, name, shared);
                    }

                    break;
                case ForUserSet:
                    Guarded($"Cannot list the groups of user '{Username}' in user pool '{userPoolId}'", Username, userPoolId, shared, pool =>
                    {
                        InputValidation.CheckUsername(Username, fromCommandLine: false);
                        WritePages((token, size) => pool.Client.AdminListGroupsForUserAsync(pool.UserPoolId, Username, size, token, StopToken), Output(pool), _paging!);
                    });
                    break;
                default:
                    Guarded($"Cannot list the groups of user pool '{userPoolId}'", null, userPoolId, shared, pool =>
                        WritePages((token, size) => pool.Client.ListGroupsAsync(pool.UserPoolId, size, token, StopToken), Output(pool), _paging!));
                    break;
            }
        }

        private void GetByName(string? userPoolId, string name, bool shared)
        {
            var activity = $"Cannot get group '{name}' in user pool '{userPoolId}'";
            Guarded(activity, null, userPoolId, shared, pool =>
            {
                if (!WildcardPattern.ContainsWildcardCharacters(name))
                {
                    // Like other Get- cmdlets: a name that does not exist fails alone (ObjectNotFound).
                    InputValidation.CheckGroupName(name, fromCommandLine: false);
                    var group = Await(pool.Client.GetGroupAsync(pool.UserPoolId, name, StopToken));
                    _paging!.Offer(() => WriteObject(new CognitoGroup(group, pool.UserPoolId, pool.Client.Region, pool.EndpointUrl)));
                    return;
                }

                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                foreach (var group in AllGroups(pool).Where(g => pattern.IsMatch(g.GroupName)))
                {
                    _paging!.Offer(() => WriteObject(new CognitoGroup(group, pool.UserPoolId, pool.Client.Region, pool.EndpointUrl)));
                }
            }, name);
        }

        /// <summary>Every group of the pool, listed once per command however many patterns ask.</summary>
        private IReadOnlyList<GroupRecord> AllGroups(PoolTarget pool)
        {
            var key = pool.Client.Region + " " + pool.Client.Endpoint + " " + pool.UserPoolId;
            if (!_allGroups.TryGetValue(key, out var groups))
            {
                _allGroups[key] = groups = Await(Pages.AllAsync(token => pool.Client.ListGroupsAsync(pool.UserPoolId, PagingCounter.MaxPageSize, token, StopToken)));
            }

            return groups;
        }

        private void Guarded(string activity, string? username, string? userPoolId, bool shared, Action<PoolTarget> work, string? groupName = null)
        {
            try
            {
                work(ResolveCurrentPool());
            }
            catch (CognitoException ex)
            {
                Report(ex, new FailureContext(activity, username, userPoolId, shared) { GroupName = groupName });
            }
        }

        private Action<GroupRecord> Output(PoolTarget pool) => group => WriteObject(new CognitoGroup(group, pool.UserPoolId, pool.Client.Region, pool.EndpointUrl));
    }
}
