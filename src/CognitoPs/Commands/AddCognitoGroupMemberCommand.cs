using System;
using System.Management.Automation;
using CognitoPs.Client;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds users to Cognito groups (AdminAddUserToGroup), one request per user and group; adding a member twice is not an error.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "CognitoGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminAddUserToGroup), Occasional = new[] { nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class AddCognitoGroupMemberCommand : CognitoUserChangeCmdlet
    {
        /// <summary>One or more group names. Binds from a GroupName (or Group) column or property, so Get-CognitoGroupMember pipes in; a group missing from the pool stops the command only when given here.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Group")] // Get-CognitoGroupMember's users name their group in Group
        [AllowEmptyString]
        [AllowNull]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        public string?[] GroupName { get; set; } = Array.Empty<string?>();

        protected override string Activity => "Adding users to Cognito groups";

        protected override string Done => "added";

        protected override string Verb => "add";

        protected override string Change => "AddedToGroup";

        protected override string?[]? GroupsForEachUser => GroupName;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (MyInvocation.BoundParameters.ContainsKey(nameof(GroupName)))
            {
                CheckCommandLineGroups(GroupName);
            }
        }

        protected override string ActionFor(PendingUser user) => "Add to group";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminAddUserToGroupAsync(user.UserPoolId!, user.Username!, user.GroupName!, cancellationToken));
    }
}
