package org.callsign.signaling.client.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.callsign.signaling.api.RequestBodies;
import org.callsign.signaling.auth.service.AdminSecret;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.client.service.ClientService;
import org.callsign.signaling.client.service.Registrar;
import org.callsign.signaling.client.store.Client;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Client registration (rtcd's {@code clientID} and {@code authKey}), and a client's own record and key. */
@Path(ClientResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientResource {

    /** Where clients live. */
    public static final String PATH = "/api/clients";

    /** Body of {@code POST /api/clients}. */
    public record RegisterRequest(@JsonProperty("clientID") String clientId, String authKey, Boolean owner) {

        /** Names the client, never the key. */
        @Override
        public String toString() {
            return "RegisterRequest[" + clientId + "]";
        }
    }

    /** Body of {@code PUT /api/clients/{clientID}/key}. */
    public record KeyRequest(String authKey) {

        /** Never the key. */
        @Override
        public String toString() {
            return "KeyRequest";
        }
    }

    private final ClientService clients;
    private final CurrentClient current;
    private final AdminSecret adminSecret;

    ClientResource(ClientService clients, CurrentClient current, AdminSecret adminSecret) {
        this.clients = clients;
        this.current = current;
        this.adminSecret = adminSecret;
    }

    @POST
    @Operation(
            summary = "Register a client (key bcrypt-hashed); while registration is closed, with the admin secret"
                    + " header or an owner's credentials")
    public Response register(RegisterRequest request, @HeaderParam(AdminSecret.HEADER) String secret) {
        RegisterRequest body = RequestBodies.required(request);
        Client client = clients.register(
                body.clientId(),
                body.authKey(),
                Boolean.TRUE.equals(body.owner()),
                registrar(secret),
                current.address());
        return Response.created(URI.create(PATH + "/" + client.clientId()))
                .entity(ClientView.of(client))
                .build();
    }

    @GET
    @Operation(summary = "Every client (owners only)")
    public List<ClientView> list() {
        return clients.list(current.require().client()).stream()
                .map(ClientView::of)
                .toList();
    }

    @GET
    @Path("/{clientID}")
    @Operation(summary = "A client: the caller itself, or any client for an owner")
    public ClientView get(@PathParam("clientID") String clientId) {
        return ClientView.of(clients.visible(current.require().client(), clientId));
    }

    @DELETE
    @Path("/{clientID}")
    @Operation(summary = "Remove a client with its devices and tokens: the caller itself, or any client for an owner")
    public Response delete(@PathParam("clientID") String clientId) {
        clients.delete(current.require().client(), clientId);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{clientID}/key")
    @Operation(summary = "Change the caller's own key; revokes every token of the client")
    public Response changeKey(@PathParam("clientID") String clientId, KeyRequest request) {
        Client actor = current.require().client();
        clients.changeKey(actor, clientId, RequestBodies.required(request).authKey(), current.address());
        return Response.noContent().build();
    }

    private Registrar registrar(String secret) {
        if (secret != null) {
            adminSecret.require(secret, current.address());
            return Registrar.ADMIN;
        }
        return current.get()
                .map(client -> client.client().owner() ? Registrar.OWNER : Registrar.CLIENT)
                .orElse(Registrar.ANYONE);
    }
}
