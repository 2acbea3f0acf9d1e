using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// The session default, one per runspace (not per process): runspaces of ForEach-Object -Parallel or of a
    /// host application must not see each other's pools or credentials.
    /// </summary>
    internal static class CognitoSession
    {
        private static readonly ConditionalWeakTable<Runspace, CognitoSessionDefaults> Defaults = new ConditionalWeakTable<Runspace, CognitoSessionDefaults>();
        private static readonly ConditionalWeakTable<Runspace, ConcurrentDictionary<string, bool>> Seen = new ConditionalWeakTable<Runspace, ConcurrentDictionary<string, bool>>();
        private static readonly ConditionalWeakTable<Runspace, ConcurrentDictionary<string, CognitoCredentials>> Credentials =
            new ConditionalWeakTable<Runspace, ConcurrentDictionary<string, CognitoCredentials>>();

        /// <summary>Temporary credentials this session resolved for an identity (a profile's role, an IAM Identity Center sign-in).</summary>
        public static CognitoCredentials? KeptCredentials(string identity) =>
            Runspace.DefaultRunspace is Runspace runspace && Credentials.TryGetValue(runspace, out var kept) && kept.TryGetValue(identity, out var credentials)
                ? credentials
                : null;

        public static void KeepCredentials(string identity, CognitoCredentials credentials)
        {
            if (Runspace.DefaultRunspace is Runspace runspace)
            {
                Credentials.GetValue(runspace, _ => new ConcurrentDictionary<string, CognitoCredentials>(StringComparer.Ordinal))[identity] = credentials;
            }
        }

        /// <summary>The pool ids commands of this session have used (for -UserPoolId completion).</summary>
        public static IEnumerable<string> SeenPools =>
            Runspace.DefaultRunspace is Runspace runspace && Seen.TryGetValue(runspace, out var pools) ? pools.Keys : Enumerable.Empty<string>();

        public static void RememberPool(string userPoolId)
        {
            if (Runspace.DefaultRunspace is Runspace runspace)
            {
                Seen.GetValue(runspace, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal))[userPoolId] = true;
            }
        }

        public static CognitoSessionDefaults? Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && Defaults.TryGetValue(runspace, out var defaults) ? defaults : null;
            }

            set
            {
                var runspace = Runspace.DefaultRunspace;
                if (runspace == null)
                {
                    return;
                }

                Defaults.Remove(runspace);
                if (value != null)
                {
                    Defaults.Add(runspace, value);
                }
            }
        }
    }
}
