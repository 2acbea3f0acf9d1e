using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// Tab completion for -GroupName: the groups of the pool named by -UserPoolId or the connected one. A listing that
    /// succeeded is kept for a few minutes per pool, endpoint and identity. It never prompts and never throws: with no
    /// pool, or when the listing fails or takes over a few seconds, it offers nothing (an empty list, so PowerShell does
    /// not fall back to file names), and the next Tab asks again.
    /// </summary>
    internal sealed class GroupNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionSupport.Offer(wordToComplete, () => GroupNames(fakeBoundParameters).Select(name => (name, name)), Quoted);

        private static IReadOnlyList<string> GroupNames(IDictionary bound)
        {
            var userPoolId = CompletionSupport.Given(bound, "UserPoolId") ?? CognitoSession.Current?.UserPoolId;
            return userPoolId is null
                ? Array.Empty<string>()
                : CompletionSupport.Listing(bound, userPoolId, "groups of " + userPoolId, async (client, deadline) =>
                {
                    var groups = await Pages.AllAsync(token => client.ListGroupsAsync(userPoolId, PagingCounter.MaxPageSize, token, deadline)).ConfigureAwait(false);
                    return (IReadOnlyList<string>)groups.Select(g => g.GroupName).OrderBy(name => name, StringComparer.OrdinalIgnoreCase).ToList();
                });
        }

        private static string Quoted(string name) =>
            name.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.') ? name : "'" + CodeGeneration.EscapeSingleQuotedStringContent(name) + "'";
    }
}
