using System;
using System.Collections.Generic;

namespace CognitoPs.Tests
{
    /// <summary>Sets environment variables for one test and restores them afterwards.</summary>
    internal sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _saved = new Dictionary<string, string?>();

        public EnvironmentScope Set(string name, string? value)
        {
            if (!_saved.ContainsKey(name))
            {
                _saved[name] = Environment.GetEnvironmentVariable(name);
            }

            Environment.SetEnvironmentVariable(name, value);
            return this;
        }

        public void Dispose()
        {
            foreach (var (name, value) in _saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
