using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace CognitoPs
{
    /// <summary>
    /// Turns -Attribute tables and the shortcut parameters (-Email, -GivenName, …) into the Name/Value list Cognito takes,
    /// refusing what Cognito would refuse (names over 32 characters or with white space, missing values) and one
    /// attribute given two different values.
    /// </summary>
    internal sealed class AttributeInput
    {
        public const int MaxNameLength = 32;
        public const int MaxValueLength = 2048;
        private readonly List<KeyValuePair<string, string>> _attributes = new List<KeyValuePair<string, string>>();

        public AttributeInput(IReadOnlyList<KeyValuePair<string, string>> start) => _attributes.AddRange(start);

        public IReadOnlyList<KeyValuePair<string, string>> Attributes => _attributes;

        /// <summary>Reads an -Attribute table from the command line; a bad entry stops the command (every user would get it).</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> FromTable(IDictionary? table)
        {
            var input = new AttributeInput(Array.Empty<KeyValuePair<string, string>>());
            foreach (DictionaryEntry entry in table ?? new Hashtable())
            {
                var name = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? "";
                var value = Unwrap(entry.Value) switch
                {
                    null => throw new InputValidationException("AttributeValueMissing",
                        $"-Attribute gives no value for '{name}'. To delete an attribute, use Remove-CognitoUserAttribute.", name, terminating: true),
                    bool flag => flag ? "true" : "false", // Cognito's spelling for email_verified and the like
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? "",
                };
                input.Add(name, value, fromCommandLine: true);
            }

            return input.Attributes;
        }

        /// <summary>
        /// Adds the attributes of a piped user (another pool's CognitoUser), except those Cognito sets itself and refuses
        /// to take: sub, identities and cognito:*. A bad entry is that user's error.
        /// </summary>
        public void AddWritable(IDictionary? attributes)
        {
            foreach (DictionaryEntry entry in attributes ?? new Hashtable())
            {
                var name = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? "";
                if (!IsSetByCognito(name))
                {
                    AddShortcut(name, Convert.ToString(Unwrap(entry.Value), CultureInfo.InvariantCulture));
                }
            }
        }

        /// <summary>Attributes that only Cognito writes: a new user gets its own.</summary>
        public static bool IsSetByCognito(string name) =>
            name.Equals("sub", StringComparison.OrdinalIgnoreCase) || name.Equals("identities", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("cognito:", StringComparison.OrdinalIgnoreCase);

        /// <summary>Checks an attribute name as Cognito would: 1-32 characters, no white space or control characters.</summary>
        public static void CheckName(string name, bool fromCommandLine)
        {
            if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
            {
                throw new InputValidationException("InvalidAttributeName",
                    $"'{name}' is not an attribute name: Cognito's have 1 to {MaxNameLength} characters (custom ones are written 'custom:name').", TargetFor(name, fromCommandLine), fromCommandLine);
            }

            foreach (var c in name)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    throw new InputValidationException("InvalidAttributeName",
                        $"The attribute name '{name}' contains white space or a control character (U+{(int)c:X4}).", TargetFor(name, fromCommandLine), fromCommandLine);
                }
            }
        }

        /// <summary>Adds one value; a blank value (an empty CSV cell) means "not given" and is skipped.</summary>
        public void AddShortcut(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                Add(name, value!, fromCommandLine: false);
            }
        }

        /// <summary>The shortcut parameters New-CognitoUser and Set-CognitoUserAttribute share, as Cognito names the attributes.</summary>
        public void AddShortcuts(string? email, string? phoneNumber, string? givenName, string? familyName, string? name)
        {
            AddShortcut("email", email);
            AddShortcut("phone_number", phoneNumber);
            AddShortcut("given_name", givenName);
            AddShortcut("family_name", familyName);
            AddShortcut("name", name);
        }

        public void AddFlag(string name, bool value) => Add(name, value ? "true" : "false", fromCommandLine: false);

        private void Add(string name, string value, bool fromCommandLine)
        {
            CheckName(name, fromCommandLine);
            if (value.Length > MaxValueLength)
            {
                throw new InputValidationException("AttributeValueTooLong",
                    $"The value of '{name}' is {value.Length} characters long; Cognito allows at most {MaxValueLength}.", TargetFor(name, fromCommandLine), fromCommandLine);
            }

            foreach (var existing in _attributes)
            {
                if (string.Equals(existing.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    if (existing.Value == value)
                    {
                        return;
                    }

                    throw new InputValidationException("ConflictingAttributeValues",
                        $"The attribute '{name}' is given two different values (e.g. in -Attribute and by a parameter such as -Email); give it once.", TargetFor(name, fromCommandLine), fromCommandLine);
                }
            }

            _attributes.Add(new KeyValuePair<string, string>(name, value));
        }

        // A refused piped value is that user's error (the record targets the user); a command-line one targets the attribute.
        private static string? TargetFor(string name, bool fromCommandLine) => fromCommandLine ? name : null;

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
