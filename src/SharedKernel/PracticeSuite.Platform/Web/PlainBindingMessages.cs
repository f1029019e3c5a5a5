using System.Numerics;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace PracticeSuite.Platform.Web;

/// <summary>
/// What a page says when a typed value does not read as its field's type: "Enter a real date, such as 22/12/2026."
/// beside the field, instead of MVC's "The value '2026-13-01' is not valid for From.", which names the property and
/// quotes the input back. Each page's own validators still say what a value that does read must be.
/// </summary>
internal sealed class PlainBindingMessages : IBindingMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        if (MessageFor(type) is not { } message || context.BindingMetadata.ModelBindingMessageProvider is not DefaultModelBindingMessageProvider original)
        {
            return;
        }

        var messages = new DefaultModelBindingMessageProvider(original);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => message);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => message);
        messages.SetUnknownValueIsInvalidAccessor(_ => message);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => message);
        messages.SetValueIsInvalidAccessor(_ => message);
        messages.SetValueMustBeANumberAccessor(_ => message);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => message);
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }

    /// <summary>The message for a value that does not read as <paramref name="type"/>; null for text, which always reads.</summary>
    internal static string? MessageFor(Type type)
    {
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "Enter a real date, such as 22/12/2026.";
        }

        if (type == typeof(TimeOnly) || type == typeof(TimeSpan))
        {
            return "Enter a time, such as 14:30.";
        }

        if (type.IsEnum || type == typeof(Guid) || type == typeof(bool))
        {
            return "Choose one of the options.";
        }

        return type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INumber<>)) ? "Enter a number." : null;
    }
}
