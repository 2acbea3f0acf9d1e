using System.Management.Automation;

namespace CognitoPs.Commands
{
    /// <summary>
    /// A cmdlet that works in one user pool per item: it owns -UserPoolId (from the command line, a piped object's
    /// UserPoolId, or the connected pool) and resolves it, with its client, for the current item.
    /// </summary>
    public abstract partial class CognitoPoolCmdlet : CognitoCmdlet
    {
        /// <summary>
        /// The user pool id, e.g. eu-west-1_Ab12CdE3f; default: the connected pool (Connect-CognitoUserPool). Binds from
        /// the UserPoolId property of piped objects, such as the output of the Get-Cognito* cmdlets or a CSV column.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPoolIdCompleter))]
        public string? UserPoolId { get; set; }

        /// <summary>The current item's pool id: -UserPoolId (command line or piped), else the connected pool's; null if neither.</summary>
        protected string? CurrentPoolId => PoolIdOrDefault(UserPoolId);

        /// <summary>True when the current item's pool, region and endpoint are every item's (none came with this piped object).</summary>
        protected bool PoolShared => SettingsShared(nameof(UserPoolId), UserPoolId);

        /// <summary>The current item's pool, checked, with its client (see <see cref="CognitoCmdlet.ResolvePool"/>).</summary>
        private protected PoolTarget ResolveCurrentPool() => ResolvePool(CurrentPoolId, PoolShared);

        /// <summary>A bad -UserPoolId on the command line stops the command before any item: every item would use it.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(UserPoolId)))
            {
                return;
            }

            try
            {
                InputValidation.CheckUserPoolId(UserPoolId, shared: true);
                CurrentSettings().CheckRegionMatches(UserPoolId!, settingsShared: true);
            }
            catch (InputValidationException ex)
            {
                Report(ex, $"Cannot use user pool '{UserPoolId}'", null, UserPoolId, settingsShared: true);
            }
        }
    }
}
