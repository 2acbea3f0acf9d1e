using System;
using System.Management.Automation;
using CognitoPs.Client;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes users from Cognito groups (AdminRemoveUserFromGroup), one request per user and group; removing a non-member is not an error.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CognitoGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminRemoveUserFromGroup), Occasional = new[] { nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class RemoveCognitoGroupMemberCommand : CognitoUserChangeCmdlet
    {
        /// <summary>One or more group names. Binds from a GroupName (or Group) column or property, so Get-CognitoGroupMember pipes in; a group missing from the pool stops the command only when given here.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Group")] // Get-CognitoGroupMember's users name their group in Group
        [AllowEmptyString]
        [AllowNull]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        public string?[] GroupName { get; set; } = Array.Empty<string?>();

        protected override string Activity => "Removing users from Cognito groups";

        protected override string Done => "removed";

        protected override string Verb => "remove";

        protected override string Change => "RemovedFromGroup";

        protected override string?[]? GroupsForEachUser => GroupName;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (MyInvocation.BoundParameters.ContainsKey(nameof(GroupName)))
            {
                CheckCommandLineGroups(GroupName);
            }
        }

        protected override string ActionFor(PendingUser user) => "Remove from group";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminRemoveUserFromGroupAsync(user.UserPoolId!, user.Username!, user.GroupName!, cancellationToken));
    }
}
