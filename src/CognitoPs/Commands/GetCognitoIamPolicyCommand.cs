using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes the least-privilege IAM policy (JSON) for CognitoPs cmdlets: exactly the Cognito actions they may send, from the same table the module sends them by.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoIamPolicy")]
    [OutputType(typeof(string))]
    public sealed class GetCognitoIamPolicyCommand : PSCmdlet
    {
        private static readonly Regex UserPoolArnPattern = new Regex(@"^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool/[\w-]+_[0-9a-zA-Z]+\z", RegexOptions.CultureInvariant);

        /// <summary>The cmdlets the policy is for; wildcards allowed (default: every CognitoPs cmdlet).</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CognitoCommandCompleter))]
        public string[] Command { get; set; } = { "*" };

        /// <summary>The user pools the policy allows (default: every pool of the account): arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Ab12CdE3f.</summary>
        [Parameter]
        public string[] UserPoolArn { get; set; } = Array.Empty<string>();

        protected override void EndProcessing()
        {
            foreach (var arn in UserPoolArn)
            {
                if (!UserPoolArnPattern.IsMatch(arn ?? ""))
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException(
                        $"'{arn}' is not a user pool ARN such as arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Ab12CdE3f."),
                        "InvalidUserPoolArn", ErrorCategory.InvalidArgument, arn));
                }
            }

            var cmdlets = Command.SelectMany(pattern => Matching(pattern)).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(name => name, StringComparer.OrdinalIgnoreCase).ToList();
            if (cmdlets.Count == 0)
            {
                return;
            }

            WriteVerbose($"The policy allows what these cmdlets send: {string.Join(", ", cmdlets)}.");
            WriteObject(IamPolicy.Document(cmdlets, UserPoolArn));
        }

        private IEnumerable<string> Matching(string pattern)
        {
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            var found = IamPolicy.Cmdlets.Keys.Where(name => wildcard.IsMatch(name)).ToList();
            if (found.Count == 0)
            {
                WriteError(new ErrorRecord(new ArgumentException($"No CognitoPs cmdlet that sends Cognito requests is named '{pattern}'."),
                    "CommandNotFound", ErrorCategory.ObjectNotFound, pattern));
            }

            return found;
        }
    }
}
