namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// The authorization policies every page and endpoint chooses from (anything without one is denied).
/// Record-level rules — a client sees only their own records, a therapist the clients they treat — are
/// enforced by the module that owns the record, on top of these.
/// </summary>
public static class Policies
{
    /// <summary>Clinic managers only.</summary>
    public const string Manager = "Manager";

    /// <summary>The front desk — managers and reception: bookings, check-in, payments.</summary>
    public const string FrontDesk = "FrontDesk";

    /// <summary>The front desk, or a client acting on their own appointment (the handler checks whose it is).</summary>
    public const string FrontDeskOrClient = "FrontDeskOrClient";

    /// <summary>The clinic's people — managers, therapists and reception: the clinic's views.</summary>
    public const string Staff = "Staff";

    /// <summary>Managers and therapists: clinical work (clearances, a record's history, later notes and plans).</summary>
    public const string Clinician = "Clinician";

    /// <summary>A client's health information (the intake): the client, for their own record, and clinicians.</summary>
    public const string HealthRecord = "HealthRecord";

    /// <summary>Clients in their portal.</summary>
    public const string Client = "Client";

    /// <summary>Privacy requests (a whole-record export): the client, for their own record, or a manager.</summary>
    public const string ClientOrManager = "ClientOrManager";

    /// <summary>Any signed-in person; the handler decides record by record.</summary>
    public const string SignedIn = "SignedIn";
}
