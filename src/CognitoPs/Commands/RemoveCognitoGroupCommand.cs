using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes Cognito groups (DeleteGroup). The members are not deleted, only the group and their membership in it.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CognitoGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [CognitoOperations(nameof(CognitoOperation.DeleteGroup), Occasional = new[] { nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class RemoveCognitoGroupCommand : CognitoGroupCmdlet
    {
        /// <summary>Do not ask for confirmation (an explicit -Confirm still asks; -WhatIf is still honoured).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string Verb => "delete";

        protected override string Action => "Delete group (its members stay, without this group)";

        protected override bool Forced => Force;

        private protected override object? Apply(PoolTarget pool, string groupName)
        {
            Await(pool.Client.DeleteGroupAsync(pool.UserPoolId, groupName, StopToken));
            WriteVerbose($"Deleted group '{groupName}' in user pool '{pool.UserPoolId}'.");
            return null;
        }
    }
}
