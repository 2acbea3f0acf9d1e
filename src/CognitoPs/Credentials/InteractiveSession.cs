using System;
using System.Management.Automation.Host;

namespace CognitoPs
{
    /// <summary>
    /// Whether someone can answer a prompt in this session. Not when pwsh was started with -NonInteractive (CI, scheduled
    /// tasks), when the console's input is redirected (nothing to type into), or in a runspace without a user interface:
    /// there the module never waits for an answer.
    /// </summary>
    internal static class InteractiveSession
    {
        private static readonly bool StartedNonInteractive = Array.Exists(Environment.GetCommandLineArgs(), IsNonInteractiveSwitch);

        public static bool Allows(PSHost? host)
        {
            if (host?.UI is null || StartedNonInteractive || host.Name == "Default Host")
            {
                return false;
            }

            return host.Name != "ConsoleHost" || !Console.IsInputRedirected;
        }

        /// <summary>-NonInteractive, or any prefix of it pwsh accepts (-noni, -NonInter, /NonInteractive).</summary>
        internal static bool IsNonInteractiveSwitch(string argument)
        {
            var name = argument.TrimStart('-', '/');
            return name.Length >= "noni".Length && name.Length < argument.Length
                && "noninteractive".StartsWith(name, StringComparison.OrdinalIgnoreCase);
        }
    }
}
