using System.Collections.Generic;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>The pool's password policy (DescribeUserPool → UserPool.Policies.PasswordPolicy).</summary>
    public sealed class PasswordPolicy
    {
        public int MinimumLength { get; set; } = 8;

        public bool RequireUppercase { get; set; }

        public bool RequireLowercase { get; set; }

        public bool RequireNumbers { get; set; }

        public bool RequireSymbols { get; set; }

        public int? PasswordHistorySize { get; set; }

        public int? TemporaryPasswordValidityDays { get; set; }

        internal static PasswordPolicy Read(JsonElement policy) => new PasswordPolicy
        {
            MinimumLength = Json.Int(policy, "MinimumLength") ?? 8,
            RequireUppercase = Json.Boolean(policy, "RequireUppercase") ?? false,
            RequireLowercase = Json.Boolean(policy, "RequireLowercase") ?? false,
            RequireNumbers = Json.Boolean(policy, "RequireNumbers") ?? false,
            RequireSymbols = Json.Boolean(policy, "RequireSymbols") ?? false,
            PasswordHistorySize = Json.Int(policy, "PasswordHistorySize"),
            TemporaryPasswordValidityDays = Json.Int(policy, "TemporaryPasswordValidityDays"),
        };

        public override string ToString()
        {
            var classes = new List<string>();
            if (RequireUppercase) classes.Add("upper");
            if (RequireLowercase) classes.Add("lower");
            if (RequireNumbers) classes.Add("digit");
            if (RequireSymbols) classes.Add("symbol");
            return $"min {MinimumLength}" + (classes.Count > 0 ? "; " + string.Join(", ", classes) : "");
        }
    }
}
