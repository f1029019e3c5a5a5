using System.Data.Common;

namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>For the few statements written as SQL over ADO.NET: values always travel as parameters.</summary>
public static class DbCommandExtensions
{
    /// <summary>Adds a named parameter (<c>@name</c> in the SQL, which both providers accept); null becomes DBNull.</summary>
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
