using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>Tests that change process environment variables run alone, never beside other tests.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class EnvironmentCollection
    {
        public const string Name = "Process environment";
    }
}
