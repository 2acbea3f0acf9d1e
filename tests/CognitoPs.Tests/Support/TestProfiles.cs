using System;
using System.IO;

namespace CognitoPs.Tests
{
    /// <summary>
    /// AWSSDK.Core reads the shared credentials/config file locations once per process and keeps what it found, so the
    /// whole test process uses the same two files, set before any test runs: 'admin' (keys), 'mfa-admin' (a role with an
    /// MFA device, from 'admin'), and no 'default'.
    /// (This also keeps a developer's own ~/.aws out of the tests.)
    /// </summary>
    internal static class TestProfiles
    {
        public static string CredentialsFile { get; private set; } = "";

        public static string ConfigFile { get; private set; } = "";

        [System.Runtime.CompilerServices.ModuleInitializer]
        internal static void WriteAndUse()
        {
            var dir = Directory.CreateTempSubdirectory("cognitops-profiles").FullName;
            CredentialsFile = Path.Combine(dir, "credentials");
            ConfigFile = Path.Combine(dir, "config");
            File.WriteAllText(CredentialsFile, "[admin]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n");
            File.WriteAllText(ConfigFile, "[profile admin]\nregion = eu-north-1\n"
                + "[profile mfa-admin]\nrole_arn = arn:aws:iam::123456789012:role/mfa-admin\nsource_profile = admin\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n");
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

            // The loopback servers' handlers block (Thread.Sleep) to play a slow service; on a 2-core machine the
            // thread pool would add threads for them slowly and the server, not the client, would limit concurrency.
            System.Threading.ThreadPool.SetMinThreads(64, 64);
        }
    }
}
