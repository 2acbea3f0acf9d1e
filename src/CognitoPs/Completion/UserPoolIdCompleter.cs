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
    /// Tab completion for -UserPoolId: the connected pool, the pools this session has used, and the pools of the region
    /// (ListUserPools; a listing that succeeded is kept for a few minutes per region, endpoint and identity). It never
    /// prompts and never throws: when the region's pools cannot be listed within a few seconds (no region, no
    /// credentials, no network) it offers the rest, or nothing, never file names, and the next Tab asks again.
    /// </summary>
    internal sealed class UserPoolIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionSupport.Offer(wordToComplete, () => Candidates(fakeBoundParameters));

        /// <summary>The connected pool first, then the pools used in this session, then the region's (named in the tool tip).</summary>
        private static IEnumerable<(string, string)> Candidates(IDictionary bound)
        {
            var session = CognitoSession.Current;
            var known = new List<string>();
            if (session != null)
            {
                known.Add(session.UserPoolId);
            }

            known.AddRange(CognitoSession.SeenPools.OrderBy(id => id, StringComparer.Ordinal));
            var listed = RegionPools(bound);
            var names = listed.Where(p => p.Name != null).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Name!);
            return known.Concat(listed.Select(p => p.Id))
                .Distinct(StringComparer.Ordinal)
                .Select(id => (id, names.TryGetValue(id, out var name) ? $"{id} ({name})" : id));
        }

        private static IReadOnlyList<UserPoolRecord> RegionPools(IDictionary bound)
        {
            try
            {
                return CompletionSupport.Listing(bound, null, "pools", (client, deadline) =>
                    Pages.AllAsync(token => client.ListUserPoolsAsync(PagingCounter.MaxPageSize, token, deadline)));
            }
            catch (Exception)
            {
                // No region or a malformed endpoint: the connected and the used pools are still offered.
                return Array.Empty<UserPoolRecord>();
            }
        }
    }
}
