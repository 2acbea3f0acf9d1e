using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// Least-privilege IAM policies for CognitoPs cmdlets, from the operations each declares
    /// (<see cref="CognitoOperationsAttribute"/>), which name rows of the client's operation table. ListUserPools is the
    /// one action that no user pool scopes, so it gets a statement of its own, on every resource.
    /// </summary>
    internal static class IamPolicy
    {
        public const string ServicePrefix = "cognito-idp:";
        private static readonly string[] Unscoped = { nameof(CognitoOperation.ListUserPools) };

        /// <summary>Every CognitoPs cmdlet by name (Verb-Noun), with the operations it declares.</summary>
        public static IReadOnlyDictionary<string, CognitoOperationsAttribute> Cmdlets { get; } = typeof(IamPolicy).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<CmdletAttribute>() != null && type.GetCustomAttribute<CognitoOperationsAttribute>() != null)
            .ToDictionary(
                type => $"{type.GetCustomAttribute<CmdletAttribute>()!.VerbName}-{type.GetCustomAttribute<CmdletAttribute>()!.NounName}",
                type => type.GetCustomAttribute<CognitoOperationsAttribute>()!,
                StringComparer.OrdinalIgnoreCase);

        /// <summary>The IAM actions of these cmdlets (all of them, occasional ones included), sorted.</summary>
        public static IReadOnlyList<string> ActionsOf(IEnumerable<string> cmdlets) => cmdlets
            .SelectMany(name => Cmdlets[name].Operations.Concat(Cmdlets[name].Occasional))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(operation => operation, StringComparer.Ordinal)
            .Select(operation => ServicePrefix + operation)
            .ToList();

        /// <summary>The policy document, as JSON: the pool-scoped actions on <paramref name="userPoolArns"/> (default: every pool).</summary>
        public static string Document(IEnumerable<string> cmdlets, IReadOnlyList<string> userPoolArns)
        {
            var actions = ActionsOf(cmdlets);
            var unscoped = actions.Where(action => Unscoped.Contains(action[ServicePrefix.Length..])).ToList();
            var scoped = actions.Except(unscoped).ToList();
            var statements = new List<object>();
            if (scoped.Count > 0)
            {
                statements.Add(new Dictionary<string, object>
                {
                    ["Sid"] = "CognitoPsUserPools",
                    ["Effect"] = "Allow",
                    ["Action"] = scoped,
                    ["Resource"] = userPoolArns.Count > 0 ? userPoolArns : new[] { "arn:aws:cognito-idp:*:*:userpool/*" },
                });
            }

            if (unscoped.Count > 0)
            {
                statements.Add(new Dictionary<string, object> { ["Sid"] = "CognitoPsListUserPools", ["Effect"] = "Allow", ["Action"] = unscoped, ["Resource"] = "*" });
            }

            return JsonSerializer.Serialize(new Dictionary<string, object> { ["Version"] = "2012-10-17", ["Statement"] = statements },
                new JsonSerializerOptions { WriteIndented = true });
        }

        /// <summary>Operation names a cmdlet declares that the client's table does not have: none, or the declaration is wrong.</summary>
        internal static IEnumerable<string> UnknownOperations() =>
            Cmdlets.Values.SelectMany(declared => declared.Operations.Concat(declared.Occasional)).Distinct().Where(name => CognitoOperation.Named(name) is null);
    }
}
