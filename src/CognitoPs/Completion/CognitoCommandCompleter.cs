using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CognitoPs
{
    /// <summary>Tab completion for Get-CognitoIamPolicy -Command: the CognitoPs cmdlets that send Cognito requests.</summary>
    internal sealed class CognitoCommandCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionSupport.Offer(wordToComplete, () => IamPolicy.Cmdlets.Keys.OrderBy(name => name, StringComparer.OrdinalIgnoreCase).Select(name => (name, name)));
    }
}
