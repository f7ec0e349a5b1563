var configured = true;
