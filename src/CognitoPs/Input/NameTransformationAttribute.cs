using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace CognitoPs
{
    /// <summary>
    /// Accepts only values that are names (strings, numbers, GUIDs) or objects with a property that holds one.
    /// Without it, PowerShell would turn a piped object that lacks such a property into its ToString() text
    /// ("@{Email=...}") and send that as a name. The message never quotes the object: it may hold a password column.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal abstract class NameTransformationAttribute : ArgumentTransformationAttribute
    {
        private readonly string _what;
        private readonly string[] _propertyNames;

        /// <param name="what">What the name names, for the message: "user name", "group name".</param>
        /// <param name="propertyNames">The parameter's name and aliases, in binding order.</param>
        protected NameTransformationAttribute(string what, string[] propertyNames)
        {
            _what = what;
            _propertyNames = propertyNames;
        }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            // PowerShell also offers the whole piped object here before it tries binding by property name.
            if (inputData is PSObject wrapped && NamedProperty(wrapped) is PSPropertyInfo property)
            {
                return Transform(engineIntrinsics, property.Value);
            }

            var value = Unwrap(inputData);
            if (value is null || value is string)
            {
                return value;
            }

            if (value is IEnumerable items)
            {
                var names = new List<string?>();
                foreach (var item in items)
                {
                    names.Add(ToName(Unwrap(item)));
                }

                return names.ToArray();
            }

            return ToName(value);
        }

        private string? ToName(object? value) => value switch
        {
            null => null,
            string text => text,
            Guid guid => guid.ToString(),
            IConvertible number when IsNumber(number) => Convert.ToString(number, CultureInfo.InvariantCulture),
            _ => throw new ArgumentTransformationMetadataException(
                $"A {value.GetType().Name} is not a {_what}, and the piped object has no property that names one ({string.Join(", ", _propertyNames)})."),
        };

        private static bool IsNumber(IConvertible value) => value.GetTypeCode() switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Decimal => true,
            _ => false,
        };

        private PSPropertyInfo? NamedProperty(PSObject value)
        {
            if (value.BaseObject is string || value.BaseObject is IEnumerable)
            {
                return null;
            }

            foreach (var name in _propertyNames)
            {
                if (value.Properties[name] is PSPropertyInfo property)
                {
                    return property;
                }
            }

            return null;
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
