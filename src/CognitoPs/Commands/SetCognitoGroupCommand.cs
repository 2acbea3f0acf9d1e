using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes Cognito groups (UpdateGroup): only the properties given change.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "CognitoGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoGroup))]
    [CognitoOperations(nameof(CognitoOperation.GetGroup), nameof(CognitoOperation.UpdateGroup), Occasional = new[] { nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class SetCognitoGroupCommand : CognitoGroupCmdlet
    {
        /// <summary>The new description.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>The new precedence (0 or more; lower wins).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, int.MaxValue)]
        public int? Precedence { get; set; }

        /// <summary>The new IAM role ARN.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? RoleArn { get; set; }

        /// <summary>Write the group as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string Verb => "change";

        protected override string Action => "Change group";

        protected override void Check(string groupName)
        {
            if (Description is null && Precedence is null && RoleArn is null)
            {
                throw new InputValidationException("GroupPropertyMissing",
                    "Name at least one property to change: -Description, -Precedence or -RoleArn.", groupName, terminating: false);
            }

            GroupProperties.Check(Description, RoleArn);
        }

        /// <summary>
        /// Cognito's UpdateGroup resets every property it is not sent, so the group is read first and sent whole,
        /// with only the given properties replaced.
        /// </summary>
        private protected override object? Apply(PoolTarget pool, string groupName)
        {
            var current = Await(pool.Client.GetGroupAsync(pool.UserPoolId, groupName, StopToken));
            var request = new GroupRequest(pool.UserPoolId, groupName)
            {
                Description = Description ?? current.Description,
                Precedence = Precedence ?? current.Precedence,
                RoleArn = RoleArn ?? current.RoleArn,
            };
            var updated = Await(pool.Client.UpdateGroupAsync(request, StopToken));
            return PassThru ? new CognitoGroup(updated, pool.UserPoolId, pool.Client.Region, pool.EndpointUrl) : null;
        }
    }
}
