using System;
using System.Management.Automation;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks access to a user pool (DescribeUserPool) and makes it, its region, credentials and endpoint the session default.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "CognitoUserPool")]
    [OutputType(typeof(CognitoUserPool))]
    public sealed class ConnectCognitoUserPoolCommand : CognitoCmdlet
    {
        /// <summary>The pool every CognitoPs cmdlet uses from now on when none is given.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPoolIdCompleter))]
        public string UserPoolId { get; set; } = "";

        protected override bool UsesSessionDefaults => false;

        protected override void ProcessRecord()
        {
            try
            {
                InputValidation.CheckUserPoolId(UserPoolId, shared: true);
                var settings = CurrentSettings();
                settings.Validate();
                settings.CheckRegionMatches(UserPoolId, settingsShared: true);
                var client = ClientFor(settings, UserPoolId);
                var pool = Await(client.DescribeUserPoolAsync(UserPoolId, StopToken));
                var endpoint = EndpointOverride(settings);
                CognitoSession.Current = new CognitoSessionDefaults(UserPoolId, client.Region, settings.ProfileName, settings.Credential, endpoint);
                WriteVerbose($"Connected to user pool '{UserPoolId}' ({pool.Name}) in {client.Region}; other CognitoPs cmdlets now use it by default.");
                WriteObject(new CognitoUserPool(pool, client.Region, endpoint));
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Report(ex, $"Cannot connect to user pool '{UserPoolId}'", null, UserPoolId, settingsShared: true);
            }
        }
    }
}
