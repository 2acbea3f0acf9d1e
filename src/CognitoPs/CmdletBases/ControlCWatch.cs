using System;
using System.Management.Automation.Host;

namespace CognitoPs.Commands
{
    /// <summary>
    /// Lets a long wait ask what Ctrl+C should do instead of just stopping: in an interactive console, Ctrl+C is read as a
    /// key while the watch is open (Console.TreatControlCAsInput) and <see cref="Pressed"/> reports it. Anywhere else
    /// (redirected input, another host) nothing changes and Ctrl+C stops the command as usual.
    /// </summary>
    internal sealed class ControlCWatch : IDisposable
    {
        private readonly bool _watching;
        private readonly bool _before;

        public ControlCWatch(PSHost host)
        {
            _watching = host.Name == "ConsoleHost" && !Console.IsInputRedirected;
            if (_watching)
            {
                _before = Console.TreatControlCAsInput;
                Console.TreatControlCAsInput = true;
            }
        }

        /// <summary>True once Ctrl+C was pressed since the last call (other keys typed meanwhile are dropped).</summary>
        public bool Pressed()
        {
            var pressed = false;
            while (_watching && Console.KeyAvailable)
            {
                var key = Console.ReadKey(intercept: true);
                pressed |= key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control);
            }

            return pressed;
        }

        public void Dispose()
        {
            if (_watching)
            {
                Console.TreatControlCAsInput = _before;
            }
        }
    }
}
