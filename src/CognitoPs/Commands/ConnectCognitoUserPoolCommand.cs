using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks access to a user pool (DescribeUserPool) and makes it, its region, credentials and endpoint the session default.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "CognitoUserPool")]
    [OutputType(typeof(CognitoUserPool))]
    [CognitoOperations(nameof(CognitoOperation.DescribeUserPool))]
    public sealed class ConnectCognitoUserPoolCommand : CognitoCmdlet
    {
        /// <summary>The pool every CognitoPs cmdlet uses from now on when none is given.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPoolIdCompleter))]
        public string UserPoolId { get; set; } = "";

        protected override bool UsesSessionDefaults => false;

        // Connecting is where an admin signs in: an expired IAM Identity Center sign-in is renewed here, interactively.
        protected override bool MaySignIn => true;

        protected override void ProcessRecord()
        {
            try
            {
                var target = ResolvePool(UserPoolId, shared: true);
                var region = target.Client.Region;
                var pool = Await(target.Client.DescribeUserPoolAsync(UserPoolId, StopToken));
                CognitoSession.Current = new CognitoSessionDefaults(UserPoolId, region, target.Settings.ProfileName, target.Settings.Credential, target.EndpointUrl);
                WriteVerbose($"Connected to user pool '{UserPoolId}' ({pool.Name}) in {region}; other CognitoPs cmdlets now use it by default.");
                WriteObject(new CognitoUserPool(pool, region, target.EndpointUrl));
            }
            catch (CognitoException ex)
            {
                Report(ex, $"Cannot connect to user pool '{UserPoolId}'", null, UserPoolId, settingsShared: true);
            }
        }
    }
}
