using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the members of Cognito groups (ListUsersInGroup), streamed page by page, as CognitoUser objects with the group in their Group property.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoGroupMember", SupportsPaging = true)]
    [OutputType(typeof(CognitoUser))]
    [CognitoOperations(nameof(CognitoOperation.ListUsersInGroup), Occasional = new[] { nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class GetCognitoGroupMemberCommand : CognitoPoolCmdlet
    {
        private PagingCounter? _paging;

        /// <summary>The groups whose members to list. Binds from strings and from GroupName properties: Get-CognitoGroup | Get-CognitoGroupMember.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [GroupNameTransformation]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        public string?[]? GroupName { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _paging = new PagingCounter(PagingParameters);
        }

        protected override void ProcessRecord()
        {
            var shared = PoolShared;
            var groupShared = !IsFromPipeline(nameof(GroupName), GroupName);
            var userPoolId = CurrentPoolId;
            foreach (var groupName in GroupName ?? new string?[] { null })
            {
                if (!_paging!.WantsMore)
                {
                    return;
                }

                try
                {
                    InputValidation.CheckGroupName(groupName, fromCommandLine: false);
                    var pool = ResolveCurrentPool();
                    WritePages(
                        (token, size) => pool.Client.ListUsersInGroupAsync(pool.UserPoolId, groupName!, size, token, StopToken),
                        user => WriteObject(new CognitoUser(user, pool.UserPoolId, pool.Client.Region, pool.EndpointUrl) { Group = groupName }),
                        _paging);
                }
                catch (CognitoException ex)
                {
                    // A missing group given on the command line stops the command (nothing else could be listed); a piped one fails alone.
                    Report(ex, new FailureContext($"Cannot list the members of group '{groupName}' in user pool '{userPoolId}'", null, userPoolId, shared)
                    {
                        GroupName = groupName,
                        GroupShared = groupShared,
                    });
                }
            }
        }
    }
}
