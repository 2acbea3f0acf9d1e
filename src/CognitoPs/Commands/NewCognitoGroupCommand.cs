using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates Cognito groups (CreateGroup) and writes each one; an existing name is a GroupExists error for that group.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CognitoGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CognitoGroup))]
    [CognitoOperations(nameof(CognitoOperation.CreateGroup))]
    public sealed class NewCognitoGroupCommand : CognitoGroupCmdlet
    {
        /// <summary>What the group is for (at most 2048 characters).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>Lower wins when a user's groups carry different IAM roles (0 or more).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, int.MaxValue)]
        public int? Precedence { get; set; }

        /// <summary>The IAM role the group's members get through an identity pool.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? RoleArn { get; set; }

        protected override string Verb => "create";

        protected override string Action => "Create group";

        protected override void Check(string groupName) => GroupProperties.Check(Description, RoleArn);

        private protected override object? Apply(PoolTarget pool, string groupName)
        {
            var request = new GroupRequest(pool.UserPoolId, groupName) { Description = Blank(Description), Precedence = Precedence, RoleArn = Blank(RoleArn) };
            var created = Await(pool.Client.CreateGroupAsync(request, StopToken));
            return new CognitoGroup(created, pool.UserPoolId, pool.Client.Region, pool.EndpointUrl);
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
