using System.Management.Automation;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Forgets the session default set by Connect-CognitoUserPool.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "CognitoUserPool")]
    [OutputType(typeof(void))]
    public sealed class DisconnectCognitoUserPoolCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var current = CognitoSession.Current;
            CognitoSession.Current = null;
            WriteVerbose(current is null ? "No user pool was connected." : $"Disconnected from user pool '{current.UserPoolId}'.");
        }
    }
}
